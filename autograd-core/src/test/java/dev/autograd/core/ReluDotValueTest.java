package dev.autograd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Value#dotRelu}, the fused relu-dot node, against the pair {@code Value.dot(...).relu()}
 * it stands for: the value bit for bit (special values included), grads bit for bit where no input
 * is shared and to rounding where one is, the select at and below the kink, argument checks, the
 * compiled and batched replays, the stale-graph check, {@link AnomalyDetection}, {@link
 * Gradients} and the displays.
 */
@SuppressWarnings("try") // AnomalyDetection scopes only switch detection on for their block
class ReluDotValueTest {
  private static List<Value> leaves(List<Double> numbers, String prefix) {
    List<Value> out = new ArrayList<>();
    for (int i = 0; i < numbers.size(); i++) {
      out.add(Value.of(numbers.get(i), prefix + i));
    }
    return out;
  }

  private static long bits(double x) {
    return Double.doubleToLongBits(x);
  }

  @Test
  void theValueIsDotThenReluBitForBitAtSpecialPoints() {
    Random random = new Random(2);
    for (int trial = 0; trial < 5_000; trial++) {
      SpecialDots.Args d = SpecialDots.draw(random);
      Value start = d.start();
      List<Value> a = d.a();
      List<Value> b = d.b();
      Value fused = Value.dotRelu(start, a, b);
      Value pair = Value.dot(start, a, b).relu();
      assertEquals(bits(pair.data()), bits(fused.data()), () -> "dotRelu of " + a + ", " + b);
    }
  }

  @Test
  void withDistinctLeavesTheGradsAreThePairsBitForBit() {
    qt().withFixedSeed(7)
        .withExamples(500)
        .forAll(lists().of(doubles().between(-3, 3)).ofSizeBetween(2, 13),
            doubles().between(-3, 3))
        .checkAssert((numbers, up) -> {
          int n = numbers.size() / 2;
          List<Value> a1 = leaves(numbers.subList(0, n), "a");
          List<Value> b1 = leaves(numbers.subList(n, 2 * n), "b");
          Value s1 = Value.of(numbers.get(numbers.size() - 1) * 0.5, "s");
          Value pair = Value.dot(s1, a1, b1).relu().mul(up);
          List<Value> a2 = leaves(numbers.subList(0, n), "a");
          List<Value> b2 = leaves(numbers.subList(n, 2 * n), "b");
          Value s2 = Value.of(numbers.get(numbers.size() - 1) * 0.5, "s");
          Value fused = Value.dotRelu(s2, a2, b2).mul(up);
          assertEquals(bits(pair.data()), bits(fused.data()));
          pair.backward();
          fused.backward();
          assertEquals(bits(s1.grad()), bits(s2.grad()), "start");
          for (int i = 0; i < n; i++) {
            assertEquals(bits(a1.get(i).grad()), bits(a2.get(i).grad()), "a" + i);
            assertEquals(bits(b1.get(i).grad()), bits(b2.get(i).grad()), "b" + i);
          }
        });
  }

  /** A two-layer relu net: its hidden units feed every neuron of the next layer. */
  private static Value net(List<Value> w, List<Value> x, boolean fused) {
    List<Value> h = new ArrayList<>();
    for (int j = 0; j < 4; j++) {
      List<Value> row = w.subList(3 * j, 3 * j + 3);
      Value bias = w.get(30 + j);
      h.add(fused ? Value.dotRelu(bias, row, x) : Value.dot(bias, row, x).relu());
    }
    List<Value> out = new ArrayList<>();
    for (int k = 0; k < 4; k++) {
      List<Value> row = w.subList(12 + 4 * k, 16 + 4 * k);
      Value bias = w.get(34 + k);
      out.add(fused ? Value.dotRelu(bias, row, h) : Value.dot(bias, row, h).relu());
    }
    return Value.sum(out);
  }

  @Test
  void inANetTheGradsEqualThePairsToRoundingAndTheReplaysEqualEagerBitForBit() {
    Random random = new Random(3);
    boolean anyDiffer = false;
    for (int trial = 0; trial < 200; trial++) {
      double[] p = new double[38];
      for (int i = 0; i < p.length; i++) {
        p[i] = random.nextGaussian();
      }
      double[] in = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
      List<Value> w1 = new ArrayList<>();
      List<Value> w2 = new ArrayList<>();
      for (double v : p) {
        w1.add(Value.of(v));
        w2.add(Value.of(v));
      }
      List<Value> x1 = new ArrayList<>();
      List<Value> x2 = new ArrayList<>();
      for (double v : in) {
        x1.add(Value.of(v));
        x2.add(Value.of(v));
      }
      Value pair = net(w1, x1, false);
      Value fused = net(w2, x2, true);
      assertEquals(bits(pair.data()), bits(fused.data()));
      pair.backward();
      fused.backward();
      double[] eager = new double[3];
      for (int i = 0; i < 3; i++) {
        eager[i] = x2.get(i).grad();
        assertEquals(x1.get(i).grad(), eager[i], 1e-12 * (1 + Math.abs(eager[i])));
        anyDiffer |= bits(x1.get(i).grad()) != bits(eager[i]);
      }
      double[] params = new double[w2.size()];
      for (int i = 0; i < params.length; i++) {
        params[i] = w2.get(i).grad();
        assertEquals(w1.get(i).grad(), params[i], 1e-12 * (1 + Math.abs(params[i])));
      }
      // Every replay of the fused graph: eager's bits.
      CompiledGraph compiled = CompiledGraph.compile(fused);
      assertEquals(bits(fused.data()), bits(compiled.forwardBackward()));
      for (int i = 0; i < 3; i++) {
        assertEquals(bits(eager[i]), bits(compiled.gradOf(x2.get(i))), "compiled x" + i);
      }
      for (int i = 0; i < params.length; i++) {
        assertEquals(bits(params[i]), bits(w2.get(i).grad()), "compiled w" + i);
      }
      for (Value v : w2) {
        v.zeroGrad();
      }
      CompiledGraph withInputs = CompiledGraph.compile(fused, x2);
      assertEquals(bits(fused.data()), bits(withInputs.accumulate(in)));
      for (int i = 0; i < params.length; i++) {
        assertEquals(bits(0.0 + params[i]), bits(w2.get(i).grad()), "accumulate w" + i);
      }
      for (Value v : w2) {
        v.zeroGrad();
      }
      BatchedReplay.of(withInputs).accumulate(new double[][] {in});
      for (int i = 0; i < params.length; i++) {
        assertEquals(bits(0.0 + params[i]), bits(w2.get(i).grad()), "batched w" + i);
      }
      for (Value v : w2) {
        v.zeroGrad();
      }
      fused.backwardAccumulate();
      for (int i = 0; i < params.length; i++) {
        assertEquals(bits(0.0 + params[i]), bits(w2.get(i).grad()), "backwardAccumulate w" + i);
      }
      try (AnomalyDetection.Scope on = AnomalyDetection.on()) {
        fused.backward(); // the checked sweep keeps its two walks apart
      }
      for (int i = 0; i < params.length; i++) {
        assertEquals(bits(params[i]), bits(w2.get(i).grad()), "checked w" + i);
      }
    }
    assertTrue(anyDiffer, "the fused order should round differently somewhere in 200 nets");
  }

  @Test
  void aRecordLaysOutFusedNodesOfOneLevelAsAllTheirRelusThenSumsThenProducts() {
    Value x = Value.of(0.5);
    Value y = Value.of(-1.5);
    Value first = Value.dotRelu(Value.of(0.25), List.of(x, y), List.of(y, y));
    Value second = Value.dotRelu(Value.of(-2.0), List.of(x, x), List.of(y, x));
    Value f = first.add(second);
    f.backward();
    double[] eager = {x.grad(), y.grad()};
    CompiledGraph compiled = CompiledGraph.compile(f);
    assertEquals(2 + 2 + 2 * 5 + 1, compiled.size()); // x, y, two starts, two relu+chain, add
    RecordedGraph record = compiled.recorded();
    List<RecordedGraph.Op> ops = new ArrayList<>();
    for (int i = record.leafCount(); i < record.size(); i++) {
      ops.add(record.op(i));
    }
    RecordedGraph.Op mul = RecordedGraph.Op.MUL;
    RecordedGraph.Op add = RecordedGraph.Op.ADD;
    RecordedGraph.Op relu = RecordedGraph.Op.RELU;
    assertEquals(List.of(mul, mul, mul, mul, add, add, add, add, relu, relu, add), ops);
    assertEquals(f.data(), compiled.forwardBackward());
    assertEquals(eager[0], x.grad());
    assertEquals(eager[1], y.grad());
    assertEquals(first.data(), compiled.valueOf(first));
    assertEquals(second.data(), compiled.valueOf(second));
    assertEquals(1.0, compiled.gradOf(second));
  }

  @Test
  void aStartThatIsAFactorOfAnEarlierFusedNodeKeepsItsContributionsInOrderWhenReplayed() {
    // As DotValueTest's: x gets 1e16 and 1 from the first node's products, then -1e16 from the
    // second's start; (1e16 + 1) - 1e16 = 0 in backward()'s order, 1 if the start's came first.
    Value x = Value.of(3.0);
    Value first =
        Value.dotRelu(Value.of(0.0), List.of(x, x), List.of(Value.of(1e16), Value.of(1.0)));
    Value five = Value.of(5.0);
    Value second = Value.dotRelu(x, List.of(Value.of(2.0)), List.of(five));
    Value f = second.mul(-1e16).add(first.mul(1.0));
    f.backward();
    assertEquals(0.0, x.grad());
    CompiledGraph.compile(f).forwardBackward();
    assertEquals(0.0, x.grad());
    x.zeroGrad();
    BatchedReplay.of(CompiledGraph.compile(f, List.of(five))).accumulate(new double[][] {{5.0}});
    assertEquals(0.0, x.grad(), "batched");
  }

  @Test
  void atAndBelowTheKinkNoGradPassesWhateverTheUpstreamAndNanPassesIt() {
    double[][] cases = { // start, a, b, upstream, start's grad, a's grad
      {-1.0, 1.0, 0.5, 2.0, 0.0, 0.0}, // sum -0.5
      {-0.5, 1.0, 0.5, 2.0, 0.0, 0.0}, // sum exactly 0
      {-0.0, 0.0, -1.0, 2.0, 0.0, 0.0}, // sum -0.0, value -0.0
      {-1.0, 1.0, 0.5, Double.NaN, 0.0, 0.0}, // a select: NaN upstream gives 0 below the kink
      {-1.0, 1.0, 0.5, Double.POSITIVE_INFINITY, 0.0, 0.0},
      {Double.NEGATIVE_INFINITY, 1.0, 0.5, 2.0, 0.0, 0.0}, // value 0
      {Double.NaN, 1.0, 0.5, 2.0, 2.0, 1.0}, // NaN passes the upstream grad
      {Double.POSITIVE_INFINITY, 1.0, 0.5, 2.0, 2.0, 1.0},
      {0.25, 1.0, 0.5, 2.0, 2.0, 1.0},
    };
    for (double[] c : cases) {
      Value s = Value.of(c[0]);
      Value a = Value.of(c[1]);
      Value b = Value.of(c[2]);
      Value fused = Value.dotRelu(s, List.of(a), List.of(b));
      Value pair = Value.dot(s, List.of(a), List.of(b)).relu();
      assertEquals(bits(pair.data()), bits(fused.data()), Arrays.toString(c));
      Value out = fused.mul(Value.of(c[3]));
      out.backward();
      assertEquals(bits(c[4]), bits(s.grad()), "start, " + Arrays.toString(c));
      assertEquals(bits(c[5]), bits(a.grad()), "a, " + Arrays.toString(c));
      CompiledGraph.compile(out).forwardBackward();
      assertEquals(bits(c[4]), bits(s.grad()), "compiled start, " + Arrays.toString(c));
      assertEquals(bits(c[5]), bits(a.grad()), "compiled a, " + Arrays.toString(c));
    }
    assertEquals(bits(-0.0), bits(Value.dotRelu(Value.of(-0.0), List.of(Value.of(0.0)),
        List.of(Value.of(-1.0))).data()));
  }

  @Test
  void isOneNodeListingStartThenEachPairOneLevelAboveItsDot() {
    Value s = Value.of(0.5, "s");
    Value x = Value.of(2.0, "x");
    Value w = Value.of(-3.0, "w");
    Value fused = Value.dotRelu(s, List.of(w, x), List.of(x, x));
    assertEquals("relu(dot)", fused.op());
    assertEquals(List.of(s, w, x, x, x), fused.children());
    assertEquals(0.0, fused.data()); // relu(0.5 - 6 + 4)
    assertEquals(Value.dot(s, List.of(w, x), List.of(x, x)).relu().level, fused.level);
    Value none = Value.dotRelu(s, List.of(), List.of());
    assertEquals("relu", none.op(), "no products: start.relu(), as dot returns start");
    assertSame(s, none.children().get(0));
    assertEquals(0.5, none.data());
  }

  @Test
  void aPlainDotNodeKeepsItsFieldsAndTheFusedOneAddsOnlyItsSum() {
    assertEquals(List.of("a", "b"), instanceFields(DotValue.class));
    assertEquals(List.of("sum"), instanceFields(ReluDotValue.class));
  }

  private static List<String> instanceFields(Class<?> type) {
    List<String> names = new ArrayList<>();
    for (Field f : type.getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers())) {
        names.add(f.getName());
      }
    }
    return names;
  }

  @Test
  void rejectsBadArgumentsAsDotDoes() {
    Value x = Value.of(1.0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Value.dotRelu(x, List.of(x, x), List.of(x)));
    assertEquals("dot needs vectors of equal length, got 2 and 1", e.getMessage());
    assertEquals("start", assertThrows(NullPointerException.class,
        () -> Value.dotRelu(null, List.of(x), List.of(x))).getMessage());
    assertEquals("a", assertThrows(NullPointerException.class,
        () -> Value.dotRelu(x, null, List.of(x))).getMessage());
    assertEquals("b", assertThrows(NullPointerException.class,
        () -> Value.dotRelu(x, List.of(x), null)).getMessage());
    assertEquals("b[1] is null", assertThrows(NullPointerException.class,
        () -> Value.dotRelu(x, List.of(x, x), Arrays.asList(x, null))).getMessage());
    assertEquals("a[0] is null", assertThrows(NullPointerException.class,
        () -> Value.dotRelu(x, Arrays.asList((Value) null), List.of(x))).getMessage());
  }

  @Test
  void aLeafChangedAfterTheNodeWasBuiltMakesBackwardThrowNamingItAndTheOp() {
    Value x = Value.of(0.5, "x");
    Value w = Value.of(1.5, "w");
    Value f = Value.dotRelu(Value.of(0.0), List.of(w, w), List.of(w, x));
    x.setData(2);
    IllegalStateException e = assertThrows(IllegalStateException.class, f::backward);
    assertTrue(e.getMessage().contains("leaf \"x\"") && e.getMessage().contains("'relu(dot)'"),
        e.getMessage());
    assertThrows(IllegalStateException.class, f::backwardAccumulate);
  }

  @Test
  void anomalyDetectionNamesTheFusedNodeAndANonFinitePreActivationSum() {
    try (AnomalyDetection.Scope on = AnomalyDetection.on()) {
      Value big = Value.of(-1e200, "big");
      Value pos = Value.of(1e200, "pos");
      // relu makes the sum -Infinity 0: the sum is checked, as the unfused dot node would be.
      AnomalyException forward = assertThrows(AnomalyException.class,
          () -> Value.dotRelu(Value.of(0.0), List.of(big), List.of(pos)));
      assertTrue(forward.getMessage().contains(
          "op 'relu(dot)' produced 0.0 (pre-activation sum -Infinity)"), forward.getMessage());
      AnomalyException infinite = assertThrows(AnomalyException.class,
          () -> Value.dotRelu(Value.of(0.0), List.of(pos), List.of(pos)));
      assertTrue(infinite.getMessage().contains(
          "op 'relu(dot)' produced Infinity (pre-activation sum Infinity)"),
          infinite.getMessage());
      Value x = Value.of(1e-250, "x");
      Value w = Value.of(1e200, "w");
      Value f = Value.dotRelu(Value.of(0.0, "s"), List.of(x), List.of(w)).mul(1e200);
      AnomalyException backward = assertThrows(AnomalyException.class, f::backward);
      assertTrue(backward.getMessage().contains("op 'relu(dot)'")
          && backward.getMessage().contains("grad of input 1 Infinity"), backward.getMessage());
    }
  }

  @Test
  void gradientsThroughTheFusedNodeEqualThePairsAndDifferentiateAgain() {
    Random random = new Random(5);
    for (int trial = 0; trial < 50; trial++) {
      double[] p = new double[4];
      for (int i = 0; i < p.length; i++) {
        p[i] = random.nextGaussian();
      }
      Value x1 = Value.of(p[0]);
      Value y1 = Value.of(p[1]);
      Value x2 = Value.of(p[0]);
      Value y2 = Value.of(p[1]);
      // f = relu(y + x*y + y*x) * tanh(x) + relu(x + x*x)^2: shared inputs, two fused nodes.
      Value pair = Value.dot(y1, List.of(x1, y1), List.of(y1, x1)).relu().mul(x1.tanh())
          .add(Value.dot(x1, List.of(x1), List.of(x1)).relu().pow(2));
      Value fused = Value.dotRelu(y2, List.of(x2, y2), List.of(y2, x2)).mul(x2.tanh())
          .add(Value.dotRelu(x2, List.of(x2), List.of(x2)).pow(2));
      List<Value> g1 = Gradients.of(pair, List.of(x1, y1));
      List<Value> g2 = Gradients.of(fused, List.of(x2, y2));
      fused.backward();
      assertEquals(x2.grad(), g2.get(0).data(), 1e-13 * (1 + Math.abs(x2.grad())));
      for (int i = 0; i < 2; i++) {
        assertEquals(g1.get(i).data(), g2.get(i).data(), 1e-13 * (1 + Math.abs(g1.get(i).data())));
      }
      double[][] h1 = Gradients.hessian(pair, List.of(x1, y1));
      double[][] h2 = Gradients.hessian(fused, List.of(x2, y2));
      for (int i = 0; i < 2; i++) {
        for (int j = 0; j < 2; j++) {
          assertEquals(h1[i][j], h2[i][j], 1e-12 * (1 + Math.abs(h1[i][j])), "H" + i + j);
        }
      }
    }
    // f = relu(0.5 + x*x) * x = 0.5x + x^3 at x = -2: f' = 0.5 + 3x^2 = 12.5, f'' = 6x = -12.
    Value x = Value.of(-2.0);
    Value f = Value.dotRelu(Value.of(0.5), List.of(x), List.of(x)).mul(x);
    Value df = Gradients.of(f, List.of(x)).get(0);
    assertEquals(12.5, df.data(), 1e-12);
    assertEquals(-12.0, Gradients.of(df, List.of(x)).get(0).data(), 1e-12);
    // On the flat side of the kink: no adjoint at all, zero derivatives of every order.
    Value flat = Value.dotRelu(Value.of(-5.0), List.of(x), List.of(x)).mul(x);
    Value dflat = Gradients.of(flat, List.of(x)).get(0);
    assertEquals(0.0, dflat.data());
    assertEquals(0.0, Gradients.of(dflat, List.of(x)).get(0).data());
  }

  @Test
  void theDisplaysShowOneFusedNodeWithItsSumAndTheTraceStepsIntoIt() {
    Value b = Value.of(0.5, "b");
    Value w = Value.of(2.0, "w");
    Value x = Value.of(1.0, "x");
    Value f = Value.dotRelu(b, List.of(w), List.of(x));
    f.backward();
    assertEquals("""
        n3 = relu(dot)  data 2.5000  sum 2.5000  grad 1.0000
        ├── start: b  data 0.5000  grad 1.0000
        ├── a1: w  data 2.0000  grad 1.0000
        └── b1: x  data 1.0000  grad 2.0000
        """, GraphTree.render(f));
    String dot = DotGraph.render(f);
    assertTrue(dot.contains(
            "n3 [shape=record, label=\"{  | data 2.5000 | sum 2.5000 | grad 1.0000 }\"]")
        && dot.contains("n3op [shape=ellipse, label=\"relu(dot)\"]")
        && dot.contains("n0 -> n3op [label=\"start\"];")
        && dot.contains("n1 -> n3op [label=\"a1\"];")
        && dot.contains("n2 -> n3op [label=\"b1\"];"), dot);
    BackwardTrace trace = BackwardTrace.run(f);
    List<String> inputs = new ArrayList<>();
    for (BackwardTrace.Step s : trace.steps()) {
      inputs.add(s.input() + "=" + s.localDerivative() + "*" + s.upstream());
    }
    assertEquals(List.of("n3.sum=1.0*1.0", "b=1.0*1.0", "w=1.0*1.0", "x=2.0*1.0"), inputs);
    // Below the kink the trace's step into the sum has local derivative 0, and so do the grads.
    b.setData(-5.0);
    Value off = Value.dotRelu(b, List.of(w), List.of(x));
    BackwardTrace offTrace = BackwardTrace.run(off);
    assertEquals(0.0, offTrace.steps().get(0).localDerivative());
    assertEquals(0.0, w.grad());
    assertNotEquals(-1, offTrace.toString().indexOf("relu(dot)"));
  }
}
