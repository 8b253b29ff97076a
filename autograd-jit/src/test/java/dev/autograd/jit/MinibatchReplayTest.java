package dev.autograd.jit;

import static dev.autograd.jit.GeneratedGraphProperties.assertBits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autograd.core.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MinibatchReplayTest {
  private static final int FEATURES = 3;
  private static final int HIDDEN = 5;

  /** A 3 -> 5 -> 1 perceptron (tanh, then relu on a sigmoid-scaled output) with squared error. */
  private static final class Model {
    final List<Value> parameters = new ArrayList<>();
    final Value[][] hidden = new Value[HIDDEN][FEATURES + 1];
    final Value[] out = new Value[HIDDEN + 1];
    /** Relu neurons as fused nodes ({@link Value#dotRelu}) instead of tanh sums. */
    final boolean fused;

    Model(long seed) {
      this(seed, false);
    }

    Model(long seed, boolean fused) {
      this.fused = fused;
      Random random = new Random(seed);
      for (Value[] neuron : hidden) {
        for (int i = 0; i < neuron.length; i++) {
          neuron[i] = Value.of(random.nextGaussian());
          parameters.add(neuron[i]);
        }
      }
      for (int i = 0; i < out.length; i++) {
        out[i] = Value.of(random.nextGaussian());
        parameters.add(out[i]);
      }
    }

    /** The loss of one example: inputs are the features then the target. */
    Value loss(List<Value> inputs) {
      if (fused) {
        return fusedLoss(this, inputs);
      }
      List<Value> activations = new ArrayList<>();
      for (Value[] neuron : hidden) {
        List<Value> terms = new ArrayList<>();
        for (int i = 0; i < FEATURES; i++) {
          terms.add(neuron[i].mul(inputs.get(i)));
        }
        terms.add(neuron[FEATURES]);
        activations.add(Value.sum(terms).tanh());
      }
      List<Value> terms = new ArrayList<>();
      for (int j = 0; j < HIDDEN; j++) {
        terms.add(out[j].mul(activations.get(j)));
      }
      terms.add(out[HIDDEN]);
      Value score = Value.sum(terms).sigmoid().relu();
      return score.sub(inputs.get(FEATURES)).pow(2).div(Value.of(37.0));
    }
  }

  /** The loss of a relu net whose neurons are {@link Value#dotRelu} nodes over shared inputs. */
  private static Value fusedLoss(Model m, List<Value> inputs) {
    List<Value> x = Value.vector(inputs.subList(0, FEATURES));
    List<Value> activations = new ArrayList<>();
    for (Value[] neuron : m.hidden) {
      activations.add(Value.dotRelu(neuron[FEATURES], List.of(neuron).subList(0, FEATURES), x));
    }
    Value score = Value.dotRelu(m.out[HIDDEN], List.of(m.out).subList(0, HIDDEN), activations);
    return score.sub(inputs.get(FEATURES)).pow(2).div(Value.of(37.0));
  }

  private static double[][] examples(int n) {
    Random random = new Random(11);
    double[][] rows = new double[n][FEATURES + 1];
    for (double[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        row[i] = random.nextGaussian();
      }
    }
    return rows;
  }

  private static List<Value> leaves(double[] row) {
    List<Value> leaves = new ArrayList<>();
    for (double v : row) {
      leaves.add(Value.of(v));
    }
    return leaves;
  }

  @Test
  void oneTwoThreeAndEightThreadsGiveTheEagerAccumulatedGradientsBitForBit() {
    threadsGiveTheEagerAccumulatedGradients(false);
  }

  @Test
  void withFusedReluNeuronsTheThreadsGiveTheEagerAccumulatedGradientsBitForBit() {
    threadsGiveTheEagerAccumulatedGradients(true);
  }

  private static void threadsGiveTheEagerAccumulatedGradients(boolean fused) {
    double[][] rows = examples(37);
    Model eager = new Model(5, fused);
    double eagerTotal = 0.0;
    for (Value p : eager.parameters) {
      p.setGrad(0.25); // grads already held are added to, as backwardAccumulate does
    }
    for (double[] row : rows) {
      Value loss = eager.loss(leaves(row));
      loss.backwardAccumulate();
      eagerTotal += loss.data();
    }
    for (int threads : new int[] {1, 2, 3, 8}) {
      Model model = new Model(5, fused);
      List<Value> inputs = leaves(new double[FEATURES + 1]);
      try (MinibatchReplay replay =
          MinibatchReplay.record(model.loss(inputs), inputs, model.parameters).threads(threads)) {
        for (Value p : model.parameters) {
          p.setGrad(0.25);
        }
        double total = replay.accumulate(rows);
        assertBits(eagerTotal, total, "summed loss on " + threads + " threads");
        for (int j = 0; j < model.parameters.size(); j++) {
          assertBits(
              eager.parameters.get(j).grad(),
              model.parameters.get(j).grad(),
              "grad of parameter " + j + " on " + threads + " threads");
        }
      }
    }
  }

  /** Twin models, one replayed on one thread and one on many, compared call after call. */
  private static final class Twins implements AutoCloseable {
    final Model reference;
    final Model model;
    final MinibatchReplay one;
    final MinibatchReplay many;

    Twins(long seed) {
      reference = new Model(seed);
      List<Value> referenceInputs = leaves(new double[FEATURES + 1]);
      one = MinibatchReplay.record(reference.loss(referenceInputs), referenceInputs,
          reference.parameters).threads(1);
      model = new Model(seed);
      List<Value> inputs = leaves(new double[FEATURES + 1]);
      many = MinibatchReplay.record(model.loss(inputs), inputs, model.parameters);
    }

    /**
     * Accumulates {@code batch} on both, asserts the same loss and grads bit for bit, then makes
     * an SGD-like change of the data, so that the next call replays other values.
     */
    void assertSameCall(double[][] batch, String where) {
      assertBits(one.accumulate(batch), many.accumulate(batch), "loss of " + where);
      for (int j = 0; j < model.parameters.size(); j++) {
        Value expected = reference.parameters.get(j);
        Value actual = model.parameters.get(j);
        assertBits(expected.grad(), actual.grad(), "grad " + j + " after " + where);
        expected.setData(expected.data() - 0.01 * expected.grad());
        actual.setData(actual.data() - 0.01 * actual.grad());
      }
    }

    @Override
    public void close() {
      one.close();
      many.close();
    }
  }

  @Test
  void consecutiveCallsOfEverySizeAndThreadCountMatchOneThreadBitForBit() {
    double[][] rows = examples(28);
    int[] sizes = {23, 1, 2, 3, 7, 16, 5};
    try (Twins twins = new Twins(9)) {
      int call = 0;
      for (int threads : new int[] {3, 2, 8, 2}) {
        twins.many.threads(threads);
        for (int n : sizes) {
          double[][] batch = Arrays.copyOfRange(rows, call % 5, call % 5 + n);
          twins.assertSameCall(batch, "call " + call + " (" + n + " examples, " + threads
              + " threads)");
          call++;
        }
      }
    }
  }

  @Test
  void everySplitOfAMinibatchWithOrWithoutALastPieceMatchesOneThreadBitForBit() {
    double[][] rows = examples(20);
    try (Twins twins = new Twins(13)) {
      int call = 0;
      for (int threads : new int[] {2, 3, 8}) {
        twins.many.threads(threads);
        // n == threads: no last piece; n == threads + 1: a last piece of one example
        for (int n : new int[] {threads, threads + 1, 12}) {
          // from the calling thread's least share (one example) to its greatest, and the last
          // worker's last piece from none (0 stays 0) to as long as possible
          for (int extra = -n; extra <= n; extra += Math.max(1, n / 4)) {
            int lastPiece = (call % 4) * n / 3;
            twins.many.split(extra, lastPiece);
            double[][] batch = Arrays.copyOfRange(rows, call % 5, call % 5 + n);
            twins.assertSameCall(batch, "call " + call + " (" + n + " examples, " + threads
                + " threads, extra " + extra + ", last piece " + lastPiece + ")");
            call++;
          }
        }
      }
    }
  }

  @Test
  void parametersChangedBetweenCallsAreReadAgain() {
    Value w = Value.of(2.0);
    Value x = Value.of(0.0);
    try (MinibatchReplay replay = MinibatchReplay.record(w.mul(x).pow(2), List.of(x), List.of(w))) {
      replay.threads(2);
      assertEquals(4.0 + 16.0, replay.accumulate(new double[][] {{1.0}, {2.0}}));
      assertEquals(2 * 2.0 * 1.0 + 2 * 4.0 * 2.0, w.grad());
      w.setData(3.0);
      w.zeroGrad();
      assertEquals(9.0, replay.accumulate(new double[][] {{1.0}}));
      assertEquals(6.0, w.grad());
      assertEquals(0.0, replay.accumulate(new double[0][]));
    }
  }

  @Test
  void aTiedParameterListedTwiceGetsEachExamplesGradientOnce() {
    Value w = Value.of(2.0);
    Value x = Value.of(0.0);
    try (MinibatchReplay replay =
        MinibatchReplay.record(w.mul(x).pow(2), List.of(x), List.of(w, w))) {
      replay.threads(2);
      assertEquals(4.0 + 16.0, replay.accumulate(new double[][] {{1.0}, {2.0}}));
      assertEquals(2 * 2.0 * 1.0 + 2 * 4.0 * 2.0, w.grad());
    }
  }

  @Test
  void threadsDefaultToTheAvailableProcessors() {
    Value x = Value.of(1.0);
    MinibatchReplay replay = MinibatchReplay.record(x.mul(x), List.of(x), List.of());
    assertEquals(Runtime.getRuntime().availableProcessors(), replay.threads());
  }

  @Test
  void badArgumentsAreRejectedNamingTheValues() {
    Value x = Value.of(1.0);
    Value w = Value.of(2.0);
    Value y = x.mul(w);
    IllegalArgumentException notLeaf =
        assertThrows(
            IllegalArgumentException.class,
            () -> MinibatchReplay.record(y, List.of(y), List.of(w)));
    assertTrue(notLeaf.getMessage().contains("inputs[0]"), notLeaf.getMessage());
    IllegalArgumentException both =
        assertThrows(
            IllegalArgumentException.class,
            () -> MinibatchReplay.record(y, List.of(x), List.of(w, x)));
    assertTrue(both.getMessage().contains("parameters[1]"), both.getMessage());
    MinibatchReplay replay = MinibatchReplay.record(y, List.of(x), List.of(w));
    IllegalArgumentException width =
        assertThrows(
            IllegalArgumentException.class,
            () -> replay.accumulate(new double[][] {{1.0}, {1.0, 2.0}}));
    assertTrue(width.getMessage().contains("examples[1] has 2 values"), width.getMessage());
    assertThrows(IllegalArgumentException.class, () -> replay.threads(0));
    assertThrows(NullPointerException.class, () -> replay.accumulate(null));
    assertThrows(NullPointerException.class, () -> MinibatchReplay.record(null, List.of(), List.of()));
  }
}
