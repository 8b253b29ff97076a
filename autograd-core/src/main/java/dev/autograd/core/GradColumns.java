package dev.autograd.core;

import static dev.autograd.core.FusedKernels.term;

import java.util.Arrays;

/**
 * The last step of a {@link BatchedReplay} pass: each parameter's column of lanes added into its
 * grad, lane after lane ({@code p.grad = column[e] + p.grad}, as the per-example replay adds
 * them). A column is a grad row, or, for a parameter whose only contribution is one event of a
 * fused chain with a row as factor (a weight {@code w} of {@code w × x}), the product {@code 0.0
 * + x[e] × G[e]} of two rows, computed here instead of stored in a row by the chain's step and
 * read back ({@link DotChains#columnFactor}).
 *
 * <p><b>Why the numbers stay the same.</b> For lane 0 the sum is {@code (0.0 + t) + s}, as
 * unfused; for the later lanes it is {@code t + s}: {@code 0.0 + t} differs from {@code t} only
 * for {@code t = -0.0}, and then {@code +0.0 + s} differs from {@code -0.0 + s} only for {@code s
 * = -0.0}, which no running sum after lane 0 is ({@code 0.0 + t} is never {@code -0.0}, and a sum
 * is {@code -0.0} only when both terms are).
 *
 * <p>The additions into one grad depend on each other; several parameters' additions are
 * interleaved so that they overlap: eight row columns at a time, eight product columns that share
 * their grad row {@code G} (a layer's weights into one neuron), or four others.
 */
final class GradColumns {
  private static final int[] NONE = new int[0];

  private final Value[] leaves;
  /** The parameters whose column is a grad row, and that row by parameter. */
  private final int[] rowParameters;
  private final int[] row;
  /** The product columns: blocks of eight sharing {@code G}, then the others; factor by parameter. */
  private final int[] shared;
  private final int[] others;
  private final int[] factor;

  /**
   * @param row each leaf's column row (a grad row)
   * @param factor each leaf's column factor (a data row), or -1 if its column is the row itself
   */
  GradColumns(Value[] leaves, int inputCount, int[] row, int[] factor) {
    this.leaves = leaves;
    this.row = row;
    this.factor = factor;
    int rows = 0;
    // The product columns sorted by grad row, then by parameter: keys row << 32 | parameter,
    // a primitive sort (no boxing or comparator lambda in a cold JVM, where this runs interpreted).
    long[] byRowKeys = new long[leaves.length];
    int productCount = 0;
    for (int p = inputCount; p < leaves.length; p++) {
      if (factor[p] < 0) {
        rows++;
      } else {
        byRowKeys[productCount++] = (long) row[p] << 32 | p;
      }
    }
    rowParameters = new int[rows];
    for (int p = inputCount, k = 0; p < leaves.length; p++) {
      if (factor[p] < 0) {
        rowParameters[k++] = p;
      }
    }
    Arrays.sort(byRowKeys, 0, productCount);
    int[] byRow = new int[productCount];
    for (int k = 0; k < productCount; k++) {
      byRow[k] = (int) byRowKeys[k];
    }
    int[] sharedBuffer = new int[productCount];
    int[] otherBuffer = new int[productCount];
    int sharedCount = 0;
    int otherCount = 0;
    for (int start = 0; start < productCount; ) {
      int end = start;
      while (end < productCount && row[byRow[end]] == row[byRow[start]]) {
        end++;
      }
      int blocks = (end - start) / 8 * 8;
      for (int k = start; k < end; k++) {
        if (k < start + blocks) {
          sharedBuffer[sharedCount++] = byRow[k];
        } else {
          otherBuffer[otherCount++] = byRow[k];
        }
      }
      start = end;
    }
    shared = sharedCount == 0 ? NONE : Arrays.copyOf(sharedBuffer, sharedCount);
    others = otherCount == 0 ? NONE : Arrays.copyOf(otherBuffer, otherCount);
  }

  /** The number of parameters whose column is computed from two rows (for tests). */
  int productColumns() {
    return shared.length + others.length;
  }

  /** Adds every parameter's column of {@code n ≥ 1} lanes into its grad. */
  void add(double[][] d, double[][] g, int n) {
    addRows(g, n);
    for (int k = 0; k < shared.length; k += 8) {
      addShared(d, g[row[shared[k]]], k, n);
    }
    int k = 0;
    for (; k + 4 <= others.length; k += 4) {
      addFour(d, g, k, n);
    }
    for (; k < others.length; k++) {
      final int p = others[k];
      final double[] f = d[factor[p]];
      final double[] u = g[row[p]];
      double s = (0.0 + term(f[0], u[0])) + leaves[p].grad;
      for (int e = 1; e < n; e++) {
        s = term(f[e], u[e]) + s;
      }
      leaves[p].grad = s;
    }
  }

  private void addRows(double[][] g, int n) {
    final int[] ps = rowParameters;
    int k = 0;
    for (; k + 8 <= ps.length; k += 8) {
      final double[] c0 = g[row[ps[k]]];
      final double[] c1 = g[row[ps[k + 1]]];
      final double[] c2 = g[row[ps[k + 2]]];
      final double[] c3 = g[row[ps[k + 3]]];
      final double[] c4 = g[row[ps[k + 4]]];
      final double[] c5 = g[row[ps[k + 5]]];
      final double[] c6 = g[row[ps[k + 6]]];
      final double[] c7 = g[row[ps[k + 7]]];
      double s0 = leaves[ps[k]].grad;
      double s1 = leaves[ps[k + 1]].grad;
      double s2 = leaves[ps[k + 2]].grad;
      double s3 = leaves[ps[k + 3]].grad;
      double s4 = leaves[ps[k + 4]].grad;
      double s5 = leaves[ps[k + 5]].grad;
      double s6 = leaves[ps[k + 6]].grad;
      double s7 = leaves[ps[k + 7]].grad;
      for (int e = 0; e < n; e++) {
        s0 = c0[e] + s0;
        s1 = c1[e] + s1;
        s2 = c2[e] + s2;
        s3 = c3[e] + s3;
        s4 = c4[e] + s4;
        s5 = c5[e] + s5;
        s6 = c6[e] + s6;
        s7 = c7[e] + s7;
      }
      leaves[ps[k]].grad = s0;
      leaves[ps[k + 1]].grad = s1;
      leaves[ps[k + 2]].grad = s2;
      leaves[ps[k + 3]].grad = s3;
      leaves[ps[k + 4]].grad = s4;
      leaves[ps[k + 5]].grad = s5;
      leaves[ps[k + 6]].grad = s6;
      leaves[ps[k + 7]].grad = s7;
    }
    for (; k < ps.length; k++) {
      final double[] column = g[row[ps[k]]];
      double sum = leaves[ps[k]].grad;
      for (int e = 0; e < n; e++) {
        sum = column[e] + sum;
      }
      leaves[ps[k]].grad = sum;
    }
  }

  /** Eight product columns {@code shared[k .. k + 8)}, all of grad row {@code u}. */
  private void addShared(double[][] d, double[] u, int k, int n) {
    final int[] ps = shared;
    final double[] f0 = d[factor[ps[k]]];
    final double[] f1 = d[factor[ps[k + 1]]];
    final double[] f2 = d[factor[ps[k + 2]]];
    final double[] f3 = d[factor[ps[k + 3]]];
    final double[] f4 = d[factor[ps[k + 4]]];
    final double[] f5 = d[factor[ps[k + 5]]];
    final double[] f6 = d[factor[ps[k + 6]]];
    final double[] f7 = d[factor[ps[k + 7]]];
    final double u0 = u[0];
    double s0 = (0.0 + term(f0[0], u0)) + leaves[ps[k]].grad;
    double s1 = (0.0 + term(f1[0], u0)) + leaves[ps[k + 1]].grad;
    double s2 = (0.0 + term(f2[0], u0)) + leaves[ps[k + 2]].grad;
    double s3 = (0.0 + term(f3[0], u0)) + leaves[ps[k + 3]].grad;
    double s4 = (0.0 + term(f4[0], u0)) + leaves[ps[k + 4]].grad;
    double s5 = (0.0 + term(f5[0], u0)) + leaves[ps[k + 5]].grad;
    double s6 = (0.0 + term(f6[0], u0)) + leaves[ps[k + 6]].grad;
    double s7 = (0.0 + term(f7[0], u0)) + leaves[ps[k + 7]].grad;
    for (int e = 1; e < n; e++) {
      final double ue = u[e];
      s0 = term(f0[e], ue) + s0;
      s1 = term(f1[e], ue) + s1;
      s2 = term(f2[e], ue) + s2;
      s3 = term(f3[e], ue) + s3;
      s4 = term(f4[e], ue) + s4;
      s5 = term(f5[e], ue) + s5;
      s6 = term(f6[e], ue) + s6;
      s7 = term(f7[e], ue) + s7;
    }
    leaves[ps[k]].grad = s0;
    leaves[ps[k + 1]].grad = s1;
    leaves[ps[k + 2]].grad = s2;
    leaves[ps[k + 3]].grad = s3;
    leaves[ps[k + 4]].grad = s4;
    leaves[ps[k + 5]].grad = s5;
    leaves[ps[k + 6]].grad = s6;
    leaves[ps[k + 7]].grad = s7;
  }

  /** Four product columns {@code others[k .. k + 4)}, each of its own rows. */
  private void addFour(double[][] d, double[][] g, int k, int n) {
    final int[] ps = others;
    final double[] f0 = d[factor[ps[k]]];
    final double[] f1 = d[factor[ps[k + 1]]];
    final double[] f2 = d[factor[ps[k + 2]]];
    final double[] f3 = d[factor[ps[k + 3]]];
    final double[] u0 = g[row[ps[k]]];
    final double[] u1 = g[row[ps[k + 1]]];
    final double[] u2 = g[row[ps[k + 2]]];
    final double[] u3 = g[row[ps[k + 3]]];
    double s0 = (0.0 + term(f0[0], u0[0])) + leaves[ps[k]].grad;
    double s1 = (0.0 + term(f1[0], u1[0])) + leaves[ps[k + 1]].grad;
    double s2 = (0.0 + term(f2[0], u2[0])) + leaves[ps[k + 2]].grad;
    double s3 = (0.0 + term(f3[0], u3[0])) + leaves[ps[k + 3]].grad;
    for (int e = 1; e < n; e++) {
      s0 = term(f0[e], u0[e]) + s0;
      s1 = term(f1[e], u1[e]) + s1;
      s2 = term(f2[e], u2[e]) + s2;
      s3 = term(f3[e], u3[e]) + s3;
    }
    leaves[ps[k]].grad = s0;
    leaves[ps[k + 1]].grad = s1;
    leaves[ps[k + 2]].grad = s2;
    leaves[ps[k + 3]].grad = s3;
  }
}
