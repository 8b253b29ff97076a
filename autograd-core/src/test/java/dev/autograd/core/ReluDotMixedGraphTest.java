package dev.autograd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random graphs that mix {@link Value#dotRelu} and {@link Value#dot} nodes in one level, with
 * shared factor vectors, a node given as start and as factor of one node, nodes with several
 * consumers, {@code n = 1} and sums at the kink: every replay equals {@link Value#backward()} bit
 * for bit; {@link Gradients}' Hessians of nested fused nodes over shared inputs equal the unfused
 * pairs'.
 */
@SuppressWarnings("try") // the AnomalyDetection scope only switches detection on for its block
class ReluDotMixedGraphTest {
  private static final double[] SMALL = {-2.0, -1.0, -0.5, 0.0, -0.0, 0.5, 1.0, 2.0};

  private static long bits(double x) {
    return Double.doubleToLongBits(x);
  }

  private static double number(Random random) {
    return random.nextBoolean() ? SMALL[random.nextInt(SMALL.length)] : random.nextGaussian();
  }

  /** Returns {@code k} values picked from {@code pool}, some picked twice. */
  private static List<Value> pick(Random random, List<Value> pool, int k) {
    List<Value> out = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      out.add(pool.get(random.nextInt(pool.size())));
    }
    return out;
  }

  @Test
  void mixedLevelsOfFusedAndPlainDotNodesReplayAsBackwardBitForBit() {
    Random random = new Random(11);
    int kinks = 0;
    for (int trial = 0; trial < 300; trial++) {
      List<Value> leaves = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        leaves.add(Value.of(number(random), "l" + i));
      }
      List<Value> pool = new ArrayList<>(leaves);
      List<Value> shared = Value.vector(pick(random, pool, 2));
      List<Value> nodes = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        int n = 1 + random.nextInt(3);
        Value start = pool.get(random.nextInt(pool.size()));
        List<Value> a = n == 2 && random.nextBoolean() ? shared : pick(random, pool, n);
        List<Value> b = pick(random, pool, n);
        if (random.nextInt(4) == 0) {
          b.set(0, start); // the start is a factor of its own node too
        }
        Value node = random.nextBoolean() ? Value.dotRelu(start, a, b) : Value.dot(start, a, b);
        if (node instanceof ReluDotValue && ((ReluDotValue) node).sum == 0.0) {
          kinks++;
        }
        nodes.add(node);
        pool.add(node);
      }
      // Every node feeds the root, some twice; the last fused node is the root itself sometimes.
      Value root = nodes.get(nodes.size() - 1);
      if (random.nextBoolean()) {
        List<Value> terms = new ArrayList<>(nodes);
        terms.addAll(pick(random, nodes, 3));
        root = Value.dotRelu(Value.of(0.25), terms, pick(random, pool, terms.size()));
      }
      root.backward();
      double[] eager = new double[leaves.size()];
      for (int i = 0; i < eager.length; i++) {
        eager[i] = leaves.get(i).grad();
      }
      String where = "trial " + trial;
      CompiledGraph compiled = CompiledGraph.compile(root);
      assertEquals(bits(root.data()), bits(compiled.forwardBackward()), where);
      for (int i = 0; i < eager.length; i++) {
        assertEquals(bits(eager[i]), bits(leaves.get(i).grad()), where + " compiled l" + i);
      }
      // The first leaf the graph reads is an input of the accumulating replays.
      int first = 0;
      while (!compiled.leaves().contains(leaves.get(first))) {
        first++;
      }
      double[] row = {leaves.get(first).data()};
      CompiledGraph withInputs = CompiledGraph.compile(root, List.of(leaves.get(first)));
      for (Value v : leaves) {
        v.zeroGrad();
      }
      assertEquals(bits(root.data()), bits(withInputs.accumulate(row)), where);
      for (int i = first + 1; i < eager.length; i++) {
        assertEquals(bits(0.0 + eager[i]), bits(leaves.get(i).grad()), where + " accumulate l" + i);
      }
      for (Value v : leaves) {
        v.zeroGrad();
      }
      BatchedReplay.of(withInputs).accumulate(new double[][] {row});
      for (int i = first + 1; i < eager.length; i++) {
        assertEquals(bits(0.0 + eager[i]), bits(leaves.get(i).grad()), where + " batched l" + i);
      }
      for (Value v : leaves) {
        v.zeroGrad();
      }
      root.backwardAccumulate();
      for (int i = 0; i < eager.length; i++) {
        assertEquals(bits(0.0 + eager[i]), bits(leaves.get(i).grad()), where + " bwAcc l" + i);
      }
      boolean finite = true;
      for (Value v : pool) {
        finite &= Double.isFinite(v.data()) && Double.isFinite(v.grad());
      }
      if (finite) {
        try (AnomalyDetection.Scope on = AnomalyDetection.on()) {
          root.backward();
        }
        for (int i = 0; i < eager.length; i++) {
          assertEquals(bits(eager[i]), bits(leaves.get(i).grad()), where + " checked l" + i);
        }
      }
    }
    assertEquals(true, kinks > 0, "some fused sums should sit exactly at the kink");
  }

  /** Fused nodes over {@code x} reading a fused node as start and as factor, beside a dot node. */
  private static Value net(Value x, Value w, Value c) {
    Value h = Value.dotRelu(x, List.of(w, x), List.of(x, c));
    Value p = Value.dot(c, List.of(w), List.of(x));
    Value g = Value.dotRelu(h, List.of(h, p), List.of(w, h));
    return g.add(h).mul(g);
  }

  @Test
  void replaysForNewInputsThatMoveSumsAcrossTheKinkEqualAGraphBuiltAtThemBitForBit() {
    double[] rows = {0.7, -0.3, 0.0, -0.0, 2.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY};
    Value x = Value.of(0.5, "x");
    Value w = Value.of(-1.25, "w");
    Value c = Value.of(0.75, "c");
    CompiledGraph compiled = CompiledGraph.compile(net(x, w, c), List.of(x));
    BatchedReplay batched = BatchedReplay.of(compiled);
    for (double r : rows) {
      Value w2 = Value.of(-1.25);
      Value c2 = Value.of(0.75);
      Value f = net(Value.of(r), w2, c2);
      f.backward();
      w.zeroGrad();
      c.zeroGrad();
      assertEquals(bits(f.data()), bits(compiled.accumulate(new double[] {r})), "row " + r);
      assertEquals(bits(0.0 + w2.grad()), bits(w.grad()), "w, row " + r);
      assertEquals(bits(0.0 + c2.grad()), bits(c.grad()), "c, row " + r);
      w.zeroGrad();
      c.zeroGrad();
      batched.accumulate(new double[][] {{r}});
      assertEquals(bits(0.0 + w2.grad()), bits(w.grad()), "batched w, row " + r);
      assertEquals(bits(0.0 + c2.grad()), bits(c.grad()), "batched c, row " + r);
    }
  }

  /** Two nested relu neurons over shared inputs, fused or as dot-then-relu pairs. */
  private static Value nested(List<Value> x, boolean fused) {
    Value x0 = x.get(0);
    List<Value> shared = List.of(x0, x.get(1));
    Value h1 = fused ? Value.dotRelu(x.get(2), shared, List.of(x.get(1), x.get(2)))
        : Value.dot(x.get(2), shared, List.of(x.get(1), x.get(2))).relu();
    Value h2 = fused ? Value.dotRelu(h1, List.of(h1, x0), shared)
        : Value.dot(h1, List.of(h1, x0), shared).relu();
    return h2.mul(h1).add(h2.tanh()).mul(x0);
  }

  @Test
  void hessiansOfNestedFusedNodesOverSharedInputsEqualThePairs() {
    Random random = new Random(5);
    int curved = 0;
    for (int trial = 0; trial < 300; trial++) {
      List<Value> fusedInputs = new ArrayList<>();
      List<Value> pairInputs = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        double v = random.nextGaussian();
        fusedInputs.add(Value.of(v));
        pairInputs.add(Value.of(v));
      }
      double[][] fused = Gradients.hessian(nested(fusedInputs, true), fusedInputs);
      double[][] pair = Gradients.hessian(nested(pairInputs, false), pairInputs);
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
          assertEquals(pair[i][j], fused[i][j], 1e-12 * (1 + Math.abs(pair[i][j])),
              "trial " + trial + " [" + i + "][" + j + "]");
          curved += pair[i][j] != 0.0 ? 1 : 0;
        }
      }
    }
    assertEquals(true, curved > 300, "most Hessians should be non-zero somewhere");
  }
}
