package tape;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A design prototype for issue 14's "eager without collapse", not part of the library nor of its
 * benchmarks: every node is an entry of a tape of primitive arrays (data, input indices, op), the
 * object a user holds is a small handle (tape, index), and backward is one reverse loop over the
 * tape. It measures what that layout costs per node, eager build plus backward, as graphs grow:
 * the chain {@code y = x * w * ... * w} and the moons MLP (2 -> 16 -> 16 -> 1, relu, hinge terms
 * summed) on {@code size / 650} points, as {@code ScalingBenchmark} builds them. Only add, mul and
 * relu; no labels, no stale-graph check; one tape per pass.
 *
 * <p>Run (single-file source launch): {@code java -Xmx8g autograd-bench/prototypes/TapeProto.java
 * chain|mlp SIZE PASSES}; prints the median ns per node over the second half of the passes.
 */
public class TapeProto {
  static final int CHUNK_BITS = 20, CHUNK = 1 << CHUNK_BITS, MASK = CHUNK - 1;
  static final byte LEAF = 0, ADD = 1, MUL = 2, RELU = 3;

  static final class Tape {
    double[] data = new double[1024];
    double[] grad;
    int[] left = new int[1024];
    int[] right = new int[1024];
    byte[] op = new byte[1024];
    int size;

    int push(byte o, double d, int l, int r) {
      int i = size++;
      if (i == data.length) {
        int n = i * 2;
        data = java.util.Arrays.copyOf(data, n);
        left = java.util.Arrays.copyOf(left, n);
        right = java.util.Arrays.copyOf(right, n);
        op = java.util.Arrays.copyOf(op, n);
      }
      data[i] = d;
      left[i] = l;
      right[i] = r;
      op[i] = o;
      return i;
    }

    double d(int i) { return data[i]; }

    void backward(int root) {
      final double[] g = grad = new double[size];
      final double[] dd = data;
      final int[] lf = left, rt = right;
      final byte[] ops = op;
      g[root] = 1.0;
      for (int i = root; i >= 0; i--) {
        byte o = ops[i];
        if (o == LEAF) continue;
        double gi = g[i];
        int l = lf[i], r = rt[i];
        switch (o) {
          case ADD: g[l] += gi; g[r] += gi; break;
          case MUL: g[l] += dd[r] * gi; g[r] += dd[l] * gi; break;
          case RELU: if (dd[i] > 0) g[l] += gi; break;
          default: throw new AssertionError();
        }
      }
    }
  }

  static final class V {
    final Tape t; final int id;
    V(Tape t, int id) { this.t = t; this.id = id; }
    static V leaf(Tape t, double d) { return new V(t, t.push(LEAF, d, -1, -1)); }
    V add(V o) { return new V(t, t.push(ADD, t.d(id) + t.d(o.id), id, o.id)); }
    V mul(V o) { return new V(t, t.push(MUL, t.d(id) * t.d(o.id), id, o.id)); }
    V relu() { double d = t.d(id); return new V(t, t.push(RELU, d > 0 ? d : 0, id, -1)); }
  }

  /** One graph's leaves' numbers; {@link #pass()} builds the graph on a new tape and differentiates it. */
  static final class Problem {
    final String shape;
    final int size;
    final int points;
    final double[][] w1 = new double[16][2];
    final double[][] w2 = new double[16][16];
    final double[] w3 = new double[16];
    final double[][] xs;
    final double[] ys;
    int nodes;

    Problem(String shape, int size) {
      if (!shape.equals("chain") && !shape.equals("mlp")) {
        throw new IllegalArgumentException("unknown shape " + shape + " (chain or mlp)");
      }
      this.shape = shape;
      this.size = size;
      Random random = new Random(1);
      points = Math.max(1, size / 650);
      for (double[] r : w1) for (int j = 0; j < r.length; j++) r[j] = 2 * random.nextDouble() - 1;
      for (double[] r : w2) for (int j = 0; j < r.length; j++) r[j] = 2 * random.nextDouble() - 1;
      for (int j = 0; j < 16; j++) w3[j] = 2 * random.nextDouble() - 1;
      xs = new double[points][2];
      ys = new double[points];
      for (int i = 0; i < points; i++) {
        xs[i][0] = 2 * random.nextDouble() - 1;
        xs[i][1] = random.nextDouble();
        ys[i] = random.nextBoolean() ? 1 : -1;
      }
    }

    /** Builds the graph on a new tape, differentiates it, and returns the first leaf's grad. */
    double pass() {
      Tape t = new Tape();
      V root;
      if (shape.equals("chain")) {
        V x = V.leaf(t, 0.5), w = V.leaf(t, 1.0);
        V y = x;
        for (int i = 0; i < size; i++) y = y.mul(w);
        root = y;
      } else {
        V[][] p1 = new V[16][2]; V[] b1 = new V[16]; V[][] p2 = new V[16][16]; V[] b2 = new V[16]; V[] p3 = new V[16]; V b3;
        for (int n = 0; n < 16; n++) { for (int j = 0; j < 2; j++) p1[n][j] = V.leaf(t, w1[n][j]); b1[n] = V.leaf(t, 0); }
        for (int n = 0; n < 16; n++) { for (int j = 0; j < 16; j++) p2[n][j] = V.leaf(t, w2[n][j]); b2[n] = V.leaf(t, 0); }
        for (int j = 0; j < 16; j++) p3[j] = V.leaf(t, w3[j]);
        b3 = V.leaf(t, 0);
        V one = V.leaf(t, 1.0);
        V total = V.leaf(t, 0.0);
        for (int i = 0; i < points; i++) {
          V[] in = {V.leaf(t, xs[i][0]), V.leaf(t, xs[i][1])};
          V[] h1 = new V[16];
          for (int n = 0; n < 16; n++) { V s = b1[n]; for (int j = 0; j < 2; j++) s = s.add(p1[n][j].mul(in[j])); h1[n] = s.relu(); }
          V[] h2 = new V[16];
          for (int n = 0; n < 16; n++) { V s = b2[n]; for (int j = 0; j < 16; j++) s = s.add(p2[n][j].mul(h1[j])); h2[n] = s.relu(); }
          V s = b3; for (int j = 0; j < 16; j++) s = s.add(p3[j].mul(h2[j]));
          V negy = V.leaf(t, -ys[i]);
          total = total.add(one.add(negy.mul(s)).relu());
        }
        root = total;
      }
      t.backward(root.id);
      nodes = t.size;
      return t.grad[0];
    }
  }

  public static void main(String[] a) {
    Problem problem = new Problem(a[0], Integer.parseInt(a[1]));
    int reps = Integer.parseInt(a[2]);
    List<Long> all = new ArrayList<>();
    for (int rep = 0; rep < reps; rep++) {
      long t0 = System.nanoTime();
      problem.pass();
      all.add(System.nanoTime() - t0);
    }
    int nodes = problem.nodes;
    List<Long> sorted = new ArrayList<>(all.subList(all.size() / 2, all.size()));
    sorted.sort(null);
    System.out.printf("tape %s size %d nodes %d: median %.2f ns/node over the last %d of %d passes (min %.2f, max %.2f)%n",
        problem.shape, problem.size, nodes, sorted.get(sorted.size() / 2) / (double) nodes, sorted.size(), reps,
        sorted.get(0) / (double) nodes, sorted.get(sorted.size() - 1) / (double) nodes);
  }
}
