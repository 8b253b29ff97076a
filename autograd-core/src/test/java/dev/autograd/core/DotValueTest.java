package dev.autograd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Value#dot}, the fused dot-product node, against the chain of {@code add} and {@code mul}
 * nodes it stands for: forward bit for bit (special values included), backward in the documented
 * order, through {@link CompiledGraph}, {@link Gradients}, the displays and the checks.
 */
class DotValueTest {
  /** The chain {@code ((start + a_1*b_1) + a_2*b_2) + ...}. */
  private static Value chain(Value start, List<Value> a, List<Value> b) {
    Value total = start;
    for (int i = 0; i < a.size(); i++) {
      total = total.add(a.get(i).mul(b.get(i)));
    }
    return total;
  }

  @Test
  void dotHasTheChainsValueBitForBitAtSpecialPoints() {
    Random random = new Random(1);
    for (int trial = 0; trial < 5_000; trial++) {
      SpecialDots.Args d = SpecialDots.draw(random);
      Value start = d.start();
      List<Value> a = d.a();
      List<Value> b = d.b();
      Value dot = Value.dot(start, a, b);
      // Bit for bit, every NaN counted as the same NaN (its sign bit is not specified).
      assertEquals(Double.doubleToLongBits(chain(start, a, b).data()),
          Double.doubleToLongBits(dot.data()), () -> "dot of " + a + " and " + b);
    }
  }

  @Test
  void dotIsOneNodeListingStartThenEachPairAsItsInputs() {
    Value s = Value.of(0.5, "s");
    Value x = Value.of(2.0, "x");
    Value w = Value.of(-3.0, "w");
    Value dot = Value.dot(s, List.of(w, x), List.of(x, x));
    assertEquals("dot", dot.op());
    assertEquals(List.of(s, w, x, x, x), dot.children());
    assertEquals(0.5 + -6.0 + 4.0, dot.data());
    assertTrue(!dot.isLeaf());
    assertSame(s, Value.dot(s, List.of(), List.of()), "no products: start itself, as Python's sum");
  }

  @Test
  void dotRejectsBadArgumentsNamingThem() {
    Value x = Value.of(1.0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Value.dot(x, List.of(x, x), List.of(x)));
    assertTrue(e.getMessage().contains("2 and 1"), e.getMessage());
    assertThrows(NullPointerException.class, () -> Value.dot(null, List.of(x), List.of(x)));
    assertThrows(NullPointerException.class, () -> Value.dot(x, null, List.of(x)));
    NullPointerException npe = assertThrows(NullPointerException.class,
        () -> Value.dot(x, List.of(x, x), Arrays.asList(x, null)));
    assertEquals("b[1] is null", npe.getMessage());
  }

  @Test
  void withDistinctLeavesBackwardEqualsTheChainsBitForBit() {
    Random random = new Random(2);
    for (int trial = 0; trial < 2_000; trial++) {
      int n = 1 + random.nextInt(5);
      double[] numbers = new double[2 * n + 2];
      for (int i = 0; i < numbers.length; i++) {
        numbers[i] = random.nextInt(6) == 0 ? SpecialDots.special(random)
            : random.nextGaussian();
      }
      double[] fused = grads(numbers, true);
      double[] unfused = grads(numbers, false);
      for (int i = 0; i < fused.length; i++) {
        assertEquals(unfused[i], fused[i], () -> Arrays.toString(numbers));
      }
    }
  }

  /** The leaves' grads of {@code dot(s, a, b) * c} (c the last number), fused or as the chain. */
  private static double[] grads(double[] numbers, boolean fused) {
    int n = (numbers.length - 2) / 2;
    List<Value> leaves = new ArrayList<>();
    for (double x : numbers) {
      leaves.add(Value.of(x));
    }
    List<Value> a = leaves.subList(1, 1 + n);
    List<Value> b = leaves.subList(1 + n, 1 + 2 * n);
    Value start = leaves.get(0);
    Value sum = fused ? Value.dot(start, a, b) : chain(start, a, b);
    sum.mul(leaves.get(numbers.length - 1)).backward();
    double[] grads = new double[numbers.length];
    for (int i = 0; i < grads.length; i++) {
      grads[i] = leaves.get(i).grad();
    }
    return grads;
  }

  /**
   * In a net, a hidden unit feeds the dot nodes of every neuron of the next layer. The chain makes
   * its additions into such a unit's grad at the levels of its own nodes, between the other nodes'
   * additions; a dot node makes them all at its own place. Floating-point addition not being
   * associative, the grads then agree with the chain's to rounding, not bit for bit (as the README
   * and {@link Value#dot}'s javadoc say).
   */
  @Test
  void inANetTheGradsEqualTheChainsToRoundingNotBitForBit() {
    double[] fused = netGrads(true);
    double[] unfused = netGrads(false);
    boolean anyDiffers = false;
    for (int i = 0; i < fused.length; i++) {
      assertEquals(unfused[i], fused[i], 1e-12, "parameter " + i);
      anyDiffers |= Double.doubleToLongBits(fused[i]) != Double.doubleToLongBits(unfused[i]);
    }
    assertTrue(anyDiffers, "equal bit for bit: the javadoc of Value.dot and the README say they"
        + " may differ; make them say it is exact");
  }

  /** The parameters' grads of a 3-5-4-2 tanh net (sum then square of its outputs). */
  private static double[] netGrads(boolean fused) {
    Random random = new Random(0);
    List<Value> h = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      h.add(Value.of(random.nextGaussian()));
    }
    List<Value> params = new ArrayList<>();
    for (int width : new int[] {5, 4, 2}) {
      List<Value> next = new ArrayList<>();
      for (int k = 0; k < width; k++) {
        List<Value> w = new ArrayList<>();
        for (int j = 0; j < h.size(); j++) {
          w.add(Value.of(random.nextGaussian()));
        }
        Value b = Value.of(random.nextGaussian());
        params.addAll(w);
        params.add(b);
        next.add((fused ? Value.dot(b, w, h) : chain(b, w, h)).tanh());
      }
      h = next;
    }
    h.get(0).add(h.get(1).mul(h.get(1))).backward();
    return params.stream().mapToDouble(Value::grad).toArray();
  }

  @Test
  void aSharedInputGetsTheContributionsInTheChainsOrder() {
    double x0 = 0.1;
    double y0 = 0.7;
    double c0 = -1.3;
    Value x = Value.of(x0);
    Value y = Value.of(y0);
    Value c = Value.of(c0);
    // x + x*y + y*x + x*x, times c: G = c, each product's upstream 0.0 + G.
    Value dot = Value.dot(x, List.of(x, y, x), List.of(y, x, x));
    dot.mul(c).backward();
    double g = 0.0 + c0;
    double gx = 0.0;
    double gy = 0.0;
    gx += g; // the start, from the first sum, after the other sums
    gx += y0 * g; // product 1: x * y, left then right
    gy += x0 * g;
    gy += x0 * g; // product 2: y * x
    gx += y0 * g;
    gx += x0 * g; // product 3: x * x
    gx += x0 * g;
    assertEquals(gx, x.grad());
    assertEquals(gy, y.grad());
    assertEquals(dot.data(), c.grad());
  }

  @Test
  void aNegativeZeroUpstreamGradReachesTheProductsAsPositiveZeroAndTheLoneStartAsItIs() {
    Value s = Value.of(1.0);
    Value a = Value.of(-0.0);
    Value b = Value.of(2.0);
    Value out = Value.dot(s, List.of(a), List.of(b)).mul(-0.0);
    out.backward();
    // G = 1 * -0.0 = -0.0 (mul's derivative); the product's upstream 0.0 + -0.0 = 0.0.
    assertEquals(0.0, b.grad()); // a * 0.0 = -0.0 * 0.0 = -0.0, added to 0.0: 0.0
    assertEquals(0.0, a.grad()); // 2 * 0.0
    double start = s.grad();
    s.add(a.mul(b)).mul(-0.0).backward();
    assertEquals(s.grad(), start);
  }

  @Test
  void compiledReplayRecordsTheChainAndEqualsEagerBitForBit() {
    Value x = Value.of(0.3, "x");
    Value y = Value.of(-1.1, "y");
    Value z = Value.of(2.0, "z");
    Value h = Value.dot(z, List.of(x, y), List.of(y, y)).tanh();
    Value f = Value.dot(h, List.of(h, x, z, x), List.of(x, h, x, x)).mul(y);
    f.backward();
    double[] eager = {x.grad(), y.grad(), z.grad()};
    double hGrad = h.grad();
    CompiledGraph compiled = CompiledGraph.compile(f);
    assertEquals(3 + 4 + 1 + 8 + 1, compiled.size()); // leaves, tanh, two chains, the mul
    assertEquals(f.data(), compiled.forwardBackward());
    assertEquals(eager[0], x.grad());
    assertEquals(eager[1], y.grad());
    assertEquals(eager[2], z.grad());
    assertEquals(hGrad, compiled.gradOf(h));
    assertEquals(h.data(), compiled.valueOf(h));
    Value dot = f.children().get(0);
    assertEquals(dot.data(), compiled.valueOf(dot));
    x.setData(0.4);
    compiled.forwardBackward();
    Value rebuilt =
        Value.dot(Value.dot(z, List.of(x, y), List.of(y, y)).tanh(), List.of(), List.of());
    assertEquals(rebuilt.data(), compiled.valueOf(h));
  }

  @Test
  void aRecordLaysOutDotNodesOfOneLevelAsAllTheirProductsThenAllTheirSums() {
    Value x = Value.of(0.5);
    Value y = Value.of(-1.5);
    Value first = Value.dot(Value.of(0.25), List.of(x, y), List.of(y, y));
    Value second = Value.dot(Value.of(-2.0), List.of(x, x), List.of(y, x));
    Value f = first.add(second);
    f.backward();
    double[] eager = {x.grad(), y.grad()};
    CompiledGraph compiled = CompiledGraph.compile(f);
    RecordedGraph record = compiled.recorded();
    List<RecordedGraph.Op> ops = new ArrayList<>();
    for (int i = record.leafCount(); i < record.size(); i++) {
      ops.add(record.op(i));
    }
    RecordedGraph.Op mul = RecordedGraph.Op.MUL;
    RecordedGraph.Op add = RecordedGraph.Op.ADD;
    assertEquals(List.of(mul, mul, mul, mul, add, add, add, add, add), ops); // 3 runs, not 5
    assertEquals(f.data(), compiled.forwardBackward());
    assertEquals(eager[0], x.grad());
    assertEquals(eager[1], y.grad());
    assertEquals(first.data(), compiled.valueOf(first));
    assertEquals(second.data(), compiled.valueOf(second));
    assertEquals(1.0, compiled.gradOf(second));
  }

  @Test
  void aStartThatIsAFactorOfAnEarlierDotNodeKeepsItsContributionsInOrderWhenReplayed() {
    // x gets 1e16 and 1 from the first dot's products, then -1e16 from the second dot's start:
    // (1e16 + 1) - 1e16 = 0 in backward()'s order; 1 if the start's came first.
    Value x = Value.of(3.0);
    Value first = Value.dot(Value.of(0.0), List.of(x, x), List.of(Value.of(1e16), Value.of(1.0)));
    Value five = Value.of(5.0);
    Value second = Value.dot(x, List.of(Value.of(2.0)), List.of(five));
    Value f = second.mul(-1e16).add(first.mul(1.0)); // backward() propagates first, then second
    f.backward();
    assertEquals(0.0, x.grad());
    CompiledGraph.compile(f).forwardBackward();
    assertEquals(0.0, x.grad());
    x.zeroGrad();
    BatchedReplay.of(CompiledGraph.compile(f, List.of(five))).accumulate(new double[][] {{5.0}});
    assertEquals(0.0, x.grad(), "batched");
  }

  @Test
  void aLeafChangedAfterTheDotWasBuiltMakesBackwardThrowNamingIt() {
    Value x = Value.of(0.5, "x");
    Value w = Value.of(1.5, "w");
    Value f = Value.dot(Value.of(0.0), List.of(w, w), List.of(w, x));
    x.setData(2);
    IllegalStateException e = assertThrows(IllegalStateException.class, f::backward);
    assertTrue(e.getMessage().contains("leaf \"x\"") && e.getMessage().contains("'dot'"),
        e.getMessage());
  }

  @Test
  void onlyAChangeToALeafTheDotReadsAfterItWasBuiltMakesItStale() {
    Value x = Value.of(0.5, "x");
    Value w = Value.of(1.5, "w");
    Value other = Value.of(3.0, "other");
    w.setData(2.5); // before the dot is built: not stale
    Value f = Value.dot(Value.of(0.0), List.of(w), List.of(x)).tanh();
    other.setData(4.0); // a leaf the dot does not read
    f.backward();
    assertEquals(2.5 * (1 - Math.tanh(1.25) * Math.tanh(1.25)), x.grad(), 1e-15);
    Value.setData(new Value[] {x, other}, new double[] {0.5, 1.0}); // x again, value unchanged
    IllegalStateException e = assertThrows(IllegalStateException.class, f::backward);
    assertTrue(e.getMessage().contains("leaf \"x\""), e.getMessage());
  }

  @Test
  @SuppressWarnings("try") // the scope only switches detection on for the block
  void anomalyDetectionNamesTheDotAndTheInputWhoseGradTurnsNonFinite() {
    try (AnomalyDetection.Scope on = AnomalyDetection.on()) {
      Value big = Value.of(1e200, "big");
      AnomalyException forward = assertThrows(AnomalyException.class,
          () -> Value.dot(Value.of(0.0), List.of(big), List.of(big)));
      assertTrue(forward.getMessage().contains("op 'dot' produced Infinity"),
          forward.getMessage());
      Value x = Value.of(1e-250, "x");
      Value w = Value.of(1e200, "w");
      Value f = Value.dot(Value.of(0.0, "s"), List.of(x), List.of(w)).mul(1e200);
      AnomalyException backward = assertThrows(AnomalyException.class, f::backward);
      assertTrue(backward.getMessage().contains("op 'dot'")
          && backward.getMessage().contains("grad of input 1 Infinity"), backward.getMessage());
    }
  }

  @Test
  void gradientsOfADotEqualTheChainsAndItsHessianIsTheExactOne() {
    Value x = Value.of(0.7);
    Value y = Value.of(-0.4);
    List<Value> wrt = List.of(x, y);
    // f = tanh(x + x*y + y*y) * x: fused and as the chain.
    Value fused = Value.dot(x, List.of(x, y), List.of(y, y)).tanh().mul(x);
    Value chained = chain(x, List.of(x, y), List.of(y, y)).tanh().mul(x);
    List<Value> g1 = Gradients.of(fused, wrt);
    List<Value> g2 = Gradients.of(chained, wrt);
    fused.backward();
    for (int i = 0; i < 2; i++) {
      assertEquals(g2.get(i).data(), g1.get(i).data(), 1e-15);
      assertEquals(wrt.get(i).grad(), g1.get(i).data(), 0.0); // first derivatives as backward()
    }
    double[][] h1 = Gradients.hessian(fused, wrt);
    double[][] h2 = Gradients.hessian(chained, wrt);
    double[] v = {0.3, -1.2};
    double[] hv = Gradients.hessianVectorProduct(fused, wrt, v);
    for (int i = 0; i < 2; i++) {
      assertEquals(h2[i][0] * v[0] + h2[i][1] * v[1], hv[i], 1e-14);
      for (int j = 0; j < 2; j++) {
        assertEquals(h2[i][j], h1[i][j], 1e-14);
      }
    }
    assertTrue(GradCheck.check(fused, wrt).passes(1e-6), "gradient check");
  }

  @Test
  void theDisplaysShowOneDotNodeWithEveryInput() {
    Value b = Value.of(0.5, "b");
    Value w = Value.of(2.0, "w");
    Value x = Value.of(-1.0, "x");
    Value f = Value.dot(b, List.of(w), List.of(x));
    f.backward();
    assertEquals("""
        n3 = dot  data -1.5000  grad 1.0000
        ├── start: b  data 0.5000  grad 1.0000
        ├── a1: w  data 2.0000  grad -1.0000
        └── b1: x  data -1.0000  grad 2.0000
        """, GraphTree.render(f));
    String dot = DotGraph.render(f);
    assertTrue(dot.contains("n0 -> n3op [label=\"start\"];")
        && dot.contains("n1 -> n3op [label=\"a1\"];")
        && dot.contains("n2 -> n3op [label=\"b1\"];"), dot);
    BackwardTrace trace = BackwardTrace.run(f);
    List<String> inputs = new ArrayList<>();
    for (BackwardTrace.Step s : trace.steps()) {
      inputs.add(s.input() + "=" + s.localDerivative());
    }
    assertEquals(List.of("b=1.0", "w=-1.0", "x=2.0"), inputs);
    assertEquals(List.of(b, w, x), Parameters.distinct(List.of(b, w, x, w), "params"));
  }
}
