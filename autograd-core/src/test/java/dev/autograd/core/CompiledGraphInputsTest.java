package dev.autograd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Input slots and the accumulating replay: one example's loss graph recorded once, replayed for
 * every example of a minibatch, gives the parameters the grads that per-example graphs with
 * {@link Value#backwardAccumulate()} give, bit for bit.
 */
class CompiledGraphInputsTest {
  private static final int FEATURES = 3;
  private static final int HIDDEN = 5;

  /** A 3 → 5 → 1 tanh network with a squared error, its parameters drawn from a seed. */
  private static final class Net {
    final Value[][] hidden = new Value[HIDDEN][FEATURES + 1];
    final Value[] out = new Value[HIDDEN + 1];
    final List<Value> parameters = new ArrayList<>();

    Net(long seed) {
      Random random = new Random(seed);
      for (Value[] row : hidden) {
        for (int j = 0; j < row.length; j++) {
          row[j] = Value.of(random.nextDouble() * 2 - 1, "w");
          parameters.add(row[j]);
        }
      }
      for (int j = 0; j < out.length; j++) {
        out[j] = Value.of(random.nextDouble() * 2 - 1, "v");
        parameters.add(out[j]);
      }
    }

    Value prediction(List<Value> x) {
      List<Value> h = new ArrayList<>();
      for (Value[] row : hidden) {
        List<Value> terms = new ArrayList<>();
        for (int i = 0; i < FEATURES; i++) {
          terms.add(row[i].mul(x.get(i)));
        }
        h.add(Value.sum(terms).add(row[FEATURES]).tanh());
      }
      List<Value> terms = new ArrayList<>();
      for (int j = 0; j < HIDDEN; j++) {
        terms.add(out[j].mul(h.get(j)));
      }
      return Value.sum(terms).add(out[HIDDEN]);
    }

    Value loss(List<Value> x, Value target) {
      return prediction(x).sub(target).pow(2);
    }
  }

  /** Rows of features then target. */
  private static double[][] examples(long seed, int n) {
    Random random = new Random(seed);
    double[][] rows = new double[n][FEATURES + 1];
    for (double[] row : rows) {
      for (int j = 0; j < row.length; j++) {
        row[j] = random.nextGaussian();
      }
    }
    return rows;
  }

  private static List<Value> leaves(double[] row) {
    List<Value> leaves = new ArrayList<>();
    for (double v : row) {
      leaves.add(Value.of(v, "in"));
    }
    return leaves;
  }

  private static long[] gradBits(List<Value> parameters) {
    long[] bits = new long[parameters.size()];
    for (int i = 0; i < bits.length; i++) {
      bits[i] = Double.doubleToRawLongBits(parameters.get(i).grad());
    }
    return bits;
  }

  /** Records the first row's loss with its features and target as the input slots. */
  private static CompiledGraph record(Net net, double[] row) {
    List<Value> inputs = leaves(row);
    Value loss = net.loss(inputs.subList(0, FEATURES), inputs.get(FEATURES));
    return CompiledGraph.compile(loss, inputs);
  }

  @Test
  void replayedAccumulationGivesTheEagerGradsBitForBitOverSeveralMinibatches() {
    double[][] rows = examples(7, 40);
    Net eager = new Net(3);
    Net replayed = new Net(3);
    CompiledGraph graph = record(replayed, rows[0]);
    for (int batch = 0; batch < 4; batch++) {
      double eagerLoss = 0;
      double replayedLoss = 0;
      for (int i = batch * 10; i < batch * 10 + 10; i++) {
        List<Value> in = leaves(rows[i]);
        Value loss = eager.loss(in.subList(0, FEATURES), in.get(FEATURES));
        loss.backwardAccumulate();
        eagerLoss += loss.data();
        replayedLoss += graph.accumulate(rows[i]);
      }
      assertEquals(eagerLoss, replayedLoss);
      assertTrue(Arrays.equals(gradBits(eager.parameters), gradBits(replayed.parameters)));
      for (int p = 0; p < eager.parameters.size(); p++) {
        for (Net net : List.of(eager, replayed)) {
          Value w = net.parameters.get(p);
          w.setData(w.data() - 0.1 * w.grad());
          w.zeroGrad();
        }
      }
    }
    assertTrue(eager.parameters.get(0).data() != new Net(3).parameters.get(0).data());
  }

  @Test
  void accumulateAddsToWhatTheGradsHeld() {
    double[][] rows = examples(11, 2);
    Net net = new Net(5);
    CompiledGraph graph = record(net, rows[0]);
    graph.accumulate(rows[1]);
    double once = net.parameters.get(0).grad();
    graph.accumulate(rows[1]);
    assertEquals(once + once, net.parameters.get(0).grad());
    net.parameters.get(0).setGrad(100.0);
    graph.accumulate(rows[1]);
    assertEquals(once + 100.0, net.parameters.get(0).grad());
  }

  @Test
  void inputLeavesArePlaceholdersTheReplayNeitherReadsNorWrites() {
    Value x = Value.of(2.0, "x");
    Value w = Value.of(3.0, "w");
    CompiledGraph graph = CompiledGraph.compile(x.mul(w), List.of(x));
    assertEquals(1, graph.inputCount());
    assertEquals(x, graph.leaves().get(0), "inputs come first");
    assertEquals(6.0, graph.forward(), "until setInputs, a slot holds its leaf's data at compile");
    graph.setInputs(new double[] {5.0});
    x.setData(-1.0);
    assertEquals(15.0, graph.forward());
    x.setGrad(42.0);
    graph.backward();
    assertEquals(5.0, w.grad());
    assertEquals(42.0, x.grad(), "the input leaf's grad is not written");
    assertEquals(3.0, graph.gradOf(x), "d(output)/d(input) of the last replay");
    assertEquals(5.0, graph.valueOf(x));
  }

  @Test
  void theAccumulatingBackwardChecksForLeavesChangedSinceForward() {
    Value x = Value.of(2.0, "x");
    Value w = Value.of(3.0, "w");
    CompiledGraph graph = CompiledGraph.compile(x.mul(w), List.of(x));
    graph.setInputs(new double[] {1.0});
    graph.forward();
    w.setData(4.0);
    w.setGrad(1.0);
    assertThrows(IllegalStateException.class, graph::backwardAccumulate);
    assertEquals(1.0, w.grad(), "no grad changed");
    graph.forward();
    graph.backwardAccumulate();
    assertEquals(2.0, w.grad());
    assertEquals(4.0, graph.accumulate(new double[] {1.0}));
    assertEquals(3.0, w.grad());
  }

  @Test
  void badInputsAreRejectedNamingThem() {
    Value x = Value.of(2.0, "x");
    Value w = Value.of(3.0, "w");
    Value f = x.mul(w).tanh();
    assertEquals("inputs",
        assertThrows(NullPointerException.class, () -> CompiledGraph.compile(f, null)).getMessage());
    assertEquals("inputs[1] is null",
        assertThrows(NullPointerException.class,
            () -> CompiledGraph.compile(f, Arrays.asList(x, null))).getMessage());
    assertEquals("inputs[0] (label \"\", data 6.0) must be a leaf, but was made by '*'",
        assertThrows(IllegalArgumentException.class,
            () -> CompiledGraph.compile(f, List.of(f.children().get(0)))).getMessage());
    assertEquals("inputs[1] (label \"y\", data 1.0) is not a leaf of the graph ending at output",
        assertThrows(IllegalArgumentException.class,
            () -> CompiledGraph.compile(f, List.of(x, Value.of(1.0, "y")))).getMessage());
    assertEquals("inputs[2] (label \"x\", data 2.0) repeats an earlier input",
        assertThrows(IllegalArgumentException.class,
            () -> CompiledGraph.compile(f, List.of(x, w, x))).getMessage());
    CompiledGraph graph = CompiledGraph.compile(f, List.of(x));
    assertEquals("inputs has length 2, but the graph has 1 input slot(s)",
        assertThrows(IllegalArgumentException.class,
            () -> graph.setInputs(new double[] {1, 2})).getMessage());
    assertEquals("inputs has length 0, but the graph has 1 input slot(s)",
        assertThrows(IllegalArgumentException.class,
            () -> graph.accumulate(new double[0])).getMessage());
    assertEquals("inputs",
        assertThrows(NullPointerException.class, () -> graph.accumulate(null)).getMessage());
    w.setGrad(0.5);
    assertThrows(IllegalArgumentException.class, () -> graph.accumulate(new double[3]));
    assertEquals(0.5, w.grad(), "a rejected call changes no grad");
  }

  @Test
  void aFailedCompileLeavesTheGraphAsItWas() {
    Value x = Value.of(2.0, "x");
    Value w = Value.of(3.0, "w");
    Value f = x.mul(w);
    f.backward();
    assertThrows(IllegalArgumentException.class,
        () -> CompiledGraph.compile(f, List.of(Value.of(1.0))));
    assertEquals(3.0, x.grad());
    assertEquals(2.0, w.grad());
    f.backward();
    assertEquals(3.0, x.grad(), "flags released: the graph differentiates again");
  }

  @Test
  void nonFiniteInputsPropagateAsInTheEagerGraph() {
    Value x = Value.of(2.0, "x");
    Value w = Value.of(3.0, "w");
    CompiledGraph graph = CompiledGraph.compile(x.mul(w).log(), List.of(x));
    assertEquals(Double.NEGATIVE_INFINITY, graph.accumulate(new double[] {0.0}));
    assertEquals(Double.NaN, graph.accumulate(new double[] {Double.NaN}));
    assertTrue(Double.isNaN(w.grad()));
  }
}
