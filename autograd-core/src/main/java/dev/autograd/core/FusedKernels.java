package dev.autograd.core;

import static dev.autograd.core.DotChains.BLOCK;
import static dev.autograd.core.DotChains.INIT_ROW;
import static dev.autograd.core.DotChains.INIT_RR;
import static dev.autograd.core.DotChains.INIT_SCALAR;
import static dev.autograd.core.DotChains.INIT_SR;
import static dev.autograd.core.DotChains.PAIRS_SR;
import static dev.autograd.core.DotChains.REDUCE_R;
import static dev.autograd.core.DotChains.REDUCE_S;
import static dev.autograd.core.DotChains.SPREAD_S;

/**
 * The lane loops of {@link BatchedReplay}'s fused dot-product chains, reading {@link DotChains}'
 * code. Every loop reads its arrays at its own index, so HotSpot's C2 vectorises it; a block of
 * {@link DotChains#BLOCK} terms is one loop, so a lane's running sum stays in a register. Per lane
 * the arithmetic is the table's ({@link Op#MUL}, {@link Op#ADD}), term after term in the unfused
 * order. {@code sc} holds the parameters' numbers by slot and, last, the number 1.
 */
final class FusedKernels {
  private FusedKernels() {}

  /** One chain forward: its output row from its head, then its products in order. */
  static void forward(double[][] d, double[] sc, int[] code, int n) {
    final double[] o = d[code[0]];
    final int x = code[2];
    final int y = code[3];
    switch (code[1]) {
      case INIT_ROW:
        System.arraycopy(d[x], 0, o, 0, n);
        break;
      case INIT_SCALAR:
        java.util.Arrays.fill(o, 0, n, sc[x]);
        break;
      case INIT_SR:
        initScalarRow(o, sc[x], d[y], n);
        break;
      case INIT_RR:
        initRowRow(o, d[x], d[y], n);
        break;
      default:
        throw new AssertionError(code[1]);
    }
    for (int p = 4; p < code.length; ) {
      final boolean scalar = code[p] == PAIRS_SR;
      final int count = code[p + 1];
      p += 2;
      if (count == BLOCK) {
        if (scalar) {
          addScalarRow4(o, sc[code[p]], d[code[p + 1]], sc[code[p + 2]], d[code[p + 3]],
              sc[code[p + 4]], d[code[p + 5]], sc[code[p + 6]], d[code[p + 7]], n);
        } else {
          addRowRow4(o, d[code[p]], d[code[p + 1]], d[code[p + 2]], d[code[p + 3]],
              d[code[p + 4]], d[code[p + 5]], d[code[p + 6]], d[code[p + 7]], n);
        }
      } else {
        for (int k = 0; k < count; k++) {
          if (scalar) {
            addScalarRow(o, sc[code[p + 2 * k]], d[code[p + 2 * k + 1]], n);
          } else {
            addRowRow(o, d[code[p + 2 * k]], d[code[p + 2 * k + 1]], n);
          }
        }
      }
      p += 2 * count;
    }
  }

  private static void initScalarRow(double[] o, double s, double[] r, int n) {
    for (int e = 0; e < n; e++) {
      o[e] = Op.MUL.forward(s, r[e]);
    }
  }

  private static void initRowRow(double[] o, double[] a, double[] b, int n) {
    for (int e = 0; e < n; e++) {
      o[e] = Op.MUL.forward(a[e], b[e]);
    }
  }

  private static void addScalarRow(double[] o, double s, double[] r, int n) {
    for (int e = 0; e < n; e++) {
      o[e] = Op.ADD.forward(o[e], Op.MUL.forward(s, r[e]));
    }
  }

  private static void addRowRow(double[] o, double[] a, double[] b, int n) {
    for (int e = 0; e < n; e++) {
      o[e] = Op.ADD.forward(o[e], Op.MUL.forward(a[e], b[e]));
    }
  }

  private static void addScalarRow4(double[] o, double s0, double[] r0, double s1, double[] r1,
      double s2, double[] r2, double s3, double[] r3, int n) {
    for (int e = 0; e < n; e++) {
      double acc = o[e];
      acc = Op.ADD.forward(acc, Op.MUL.forward(s0, r0[e]));
      acc = Op.ADD.forward(acc, Op.MUL.forward(s1, r1[e]));
      acc = Op.ADD.forward(acc, Op.MUL.forward(s2, r2[e]));
      acc = Op.ADD.forward(acc, Op.MUL.forward(s3, r3[e]));
      o[e] = acc;
    }
  }

  private static void addRowRow4(double[] o, double[] a0, double[] b0, double[] a1, double[] b1,
      double[] a2, double[] b2, double[] a3, double[] b3, int n) {
    for (int e = 0; e < n; e++) {
      double acc = o[e];
      acc = Op.ADD.forward(acc, Op.MUL.forward(a0[e], b0[e]));
      acc = Op.ADD.forward(acc, Op.MUL.forward(a1[e], b1[e]));
      acc = Op.ADD.forward(acc, Op.MUL.forward(a2[e], b2[e]));
      acc = Op.ADD.forward(acc, Op.MUL.forward(a3[e], b3[e]));
      o[e] = acc;
    }
  }

  /**
   * One group backward: each slot's events, in order. An event adds {@code factor × up} ({@link
   * Op#MUL}'s derivative: the other operand times the upstream grad; the head's event is {@code 1
   * × up}, exactly {@code up}) to the slot's grad, or to the zero row for the slot's first.
   */
  static void backward(double[][] d, double[][] g, double[] sc, double[] zero, int[] code, int n) {
    int p = 0;
    while (p < code.length) {
      final int kind = code[p];
      if (kind == REDUCE_S || kind == REDUCE_R) {
        final double[] t = g[code[p + 1]];
        final double[] h = code[p + 2] == 1 ? t : zero;
        final int count = code[p + 3];
        p += 4;
        reduce(d, g, sc, kind == REDUCE_S, t, h, code, p, count, n);
        p += 2 * count;
      } else {
        final int count = code[p + 1];
        p += 2;
        spread(d, g, sc, kind == SPREAD_S, code, p, count, n);
        p += 4 * count;
      }
    }
  }

  private static void reduce(double[][] d, double[][] g, double[] sc, boolean scalar,
      double[] t, double[] h, int[] code, int p, int count, int n) {
    if (count == BLOCK) {
      if (scalar) {
        reduceScalar4(t, h, sc[code[p]], g[code[p + 1]], sc[code[p + 2]], g[code[p + 3]],
            sc[code[p + 4]], g[code[p + 5]], sc[code[p + 6]], g[code[p + 7]], n);
      } else {
        reduceRow4(t, h, d[code[p]], g[code[p + 1]], d[code[p + 2]], g[code[p + 3]],
            d[code[p + 4]], g[code[p + 5]], d[code[p + 6]], g[code[p + 7]], n);
      }
      return;
    }
    double[] from = h;
    for (int k = 0; k < count; k++, from = t) {
      if (scalar) {
        addScalar(t, from, sc[code[p + 2 * k]], g[code[p + 2 * k + 1]], n);
      } else {
        addRow(t, from, d[code[p + 2 * k]], g[code[p + 2 * k + 1]], n);
      }
    }
  }

  /**
   * Slots with one event each: one loop per slot (a loop that stores into several rows is not
   * vectorised by C2 here: measured 29 µs against 21 µs per moons step).
   */
  private static void spread(double[][] d, double[][] g, double[] sc, boolean scalar, int[] code,
      int p, int count, int n) {
    for (int k = 0; k < count; k++, p += 4) {
      final double[] t = g[code[p]];
      final boolean first = code[p + 1] == 0;
      if (scalar && first) {
        firstScalar(t, sc[code[p + 2]], g[code[p + 3]], n);
      } else if (scalar) {
        addScalar(t, t, sc[code[p + 2]], g[code[p + 3]], n);
      } else if (first) {
        firstRow(t, d[code[p + 2]], g[code[p + 3]], n);
      } else {
        addRow(t, t, d[code[p + 2]], g[code[p + 3]], n);
      }
    }
  }

  /** What a product's event sends its operand: the other operand times the upstream grad. */
  static double term(double factor, double up) {
    return Op.MUL.leftGrad(0.0, factor, 0.0, up);
  }

  /** A slot's first event: {@code 0.0 + term}, what adding it to a zeroed grad gives. */
  private static void firstScalar(double[] t, double s, double[] u, int n) {
    for (int e = 0; e < n; e++) {
      t[e] = 0.0 + term(s, u[e]);
    }
  }

  private static void firstRow(double[] t, double[] f, double[] u, int n) {
    for (int e = 0; e < n; e++) {
      t[e] = 0.0 + term(f[e], u[e]);
    }
  }

  private static void addScalar(double[] t, double[] h, double s, double[] u, int n) {
    for (int e = 0; e < n; e++) {
      t[e] = h[e] + term(s, u[e]);
    }
  }

  private static void addRow(double[] t, double[] h, double[] f, double[] u, int n) {
    for (int e = 0; e < n; e++) {
      t[e] = h[e] + term(f[e], u[e]);
    }
  }

  private static void reduceScalar4(double[] t, double[] h, double s0, double[] u0, double s1,
      double[] u1, double s2, double[] u2, double s3, double[] u3, int n) {
    for (int e = 0; e < n; e++) {
      double acc = h[e];
      acc = acc + term(s0, u0[e]);
      acc = acc + term(s1, u1[e]);
      acc = acc + term(s2, u2[e]);
      acc = acc + term(s3, u3[e]);
      t[e] = acc;
    }
  }

  private static void reduceRow4(double[] t, double[] h, double[] f0, double[] u0, double[] f1,
      double[] u1, double[] f2, double[] u2, double[] f3, double[] u3, int n) {
    for (int e = 0; e < n; e++) {
      double acc = h[e];
      acc = acc + term(f0[e], u0[e]);
      acc = acc + term(f1[e], u1[e]);
      acc = acc + term(f2[e], u2[e]);
      acc = acc + term(f3[e], u3[e]);
      t[e] = acc;
    }
  }
}
