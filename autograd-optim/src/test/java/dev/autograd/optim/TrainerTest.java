package dev.autograd.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autograd.core.Value;
import dev.autograd.nn.Activation;
import dev.autograd.nn.Init;
import dev.autograd.nn.Mlp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
  @TempDir Path dir;

  /** 45 rows of 3 features and 2 targets, a smooth function plus noise. */
  private static final double[][] FEATURES = new double[45][3];
  private static final double[][] TARGETS = new double[45][2];

  static {
    Random random = new Random(7);
    for (int i = 0; i < FEATURES.length; i++) {
      for (int j = 0; j < 3; j++) {
        FEATURES[i][j] = random.nextGaussian();
      }
      TARGETS[i][0] = Math.sin(FEATURES[i][0]) + 0.5 * FEATURES[i][1];
      TARGETS[i][1] = FEATURES[i][2] * FEATURES[i][0] + 0.1 * random.nextGaussian();
    }
  }

  private static Mlp mlp(long seed) {
    return new Mlp(3, List.of(8, 2), Activation.RELU, Init.HE, new Random(seed));
  }

  private static long[] bits(Mlp model) {
    return model.parameters().stream().mapToLong(p -> Double.doubleToRawLongBits(p.data()))
        .toArray();
  }

  private static History train(Mlp model, Optimizer optimizer, Trainer.Mode mode, int epochs) {
    return new Trainer(model::forward, MseLoss::of, optimizer)
        .epochs(epochs).batchSize(8).shuffleSeed(3).mode(mode).quiet(true)
        .fit(FEATURES, TARGETS);
  }

  @Test
  void eagerReplayedAndBatchedTrainingGiveBitIdenticalParametersAfterAnEpoch() {
    List<Function<List<Value>, Optimizer>> optimizers = List.of(
        params -> new Adam(params, 0.01),
        params -> new Sgd(params, 0.05, Momentum.NESTEROV, 0.9));
    for (Function<List<Value>, Optimizer> optimizer : optimizers) {
      Mlp eager = mlp(1);
      History e = train(eager, optimizer.apply(eager.parameters()), Trainer.Mode.EAGER, 1);
      for (Trainer.Mode mode : List.of(Trainer.Mode.REPLAYED, Trainer.Mode.BATCHED)) {
        Mlp other = mlp(1);
        History r = train(other, optimizer.apply(other.parameters()), mode, 1);
        assertArrayEquals(bits(eager), bits(other), mode::toString);
        assertEquals(Double.doubleToRawLongBits(e.loss()[0]),
            Double.doubleToRawLongBits(r.loss()[0]), mode::toString);
      }
      assertTrue(bits(eager)[0] != bits(mlp(1))[0], "training moved the parameters");
    }
  }

  @Test
  void aFeatureOrTargetTheLossDoesNotReadIsIgnoredInEveryMode() {
    // The replaying modes threw "inputs[2] (label "", data ...) is not a leaf of the graph ending
    // at output" for a model that ignores a feature column (an id, say) or a loss that reads only
    // some targets; eager training accepted both.
    for (int seed = 1; seed <= 2; seed++) {
      long[] eagerBits = null;
      for (Trainer.Mode mode : Trainer.Mode.values()) {
        Mlp model = new Mlp(2, List.of(4, 2), Activation.RELU, Init.HE, new Random(seed));
        Function<List<Value>, List<Value>> firstTwoFeatures = x -> model.forward(x.subList(0, 2));
        Loss firstTargetOnly = (p, y) -> MseLoss.of(p.subList(0, 1), y.subList(0, 1));
        new Trainer(firstTwoFeatures, firstTargetOnly, new Adam(model.parameters(), 0.01))
            .epochs(2).batchSize(8).shuffleSeed(seed).mode(mode).quiet(true)
            .fit(FEATURES, TARGETS);
        if (eagerBits == null) {
          eagerBits = bits(model);
        } else {
          assertArrayEquals(eagerBits, bits(model), mode::toString);
        }
      }
      assertTrue(eagerBits[0] != bits(new Mlp(2, List.of(4, 2), Activation.RELU, Init.HE,
          new Random(seed)))[0], "training moved the parameters");
    }
  }

  /**
   * Softmax's shift is a node (the logits' max through {@code stopGradient}), which replay
   * recomputes for every example: replayed cross-entropy training equals eager training bit for
   * bit, as for any other loss.
   */
  @Test
  void everyModesCrossEntropyTrainingGivesBitIdenticalParametersAfterAnEpoch() {
    double[][] classes = new double[FEATURES.length][3];
    for (int i = 0; i < FEATURES.length; i++) {
      classes[i][FEATURES[i][0] > 0.5 ? 0 : FEATURES[i][1] > 0 ? 1 : 2] = 1.0;
    }
    List<Function<List<Value>, Optimizer>> optimizers = List.of(
        params -> new Adam(params, 0.05),
        params -> new Sgd(params, 0.5, Momentum.NESTEROV, 0.9));
    for (Function<List<Value>, Optimizer> optimizer : optimizers) {
      List<Mlp> models = new ArrayList<>();
      List<History> histories = new ArrayList<>();
      for (Trainer.Mode mode : Trainer.Mode.values()) {
        Mlp model = new Mlp(3, List.of(8, 3), Activation.RELU, Init.XAVIER, new Random(9));
        models.add(model);
        histories.add(
            new Trainer(model::forward, CrossEntropyLoss::of, optimizer.apply(model.parameters()))
                .epochs(1).batchSize(8).shuffleSeed(4).quiet(true).mode(mode)
                .fit(FEATURES, classes));
      }
      Mlp eager = models.get(0);
      for (int m = 1; m < models.size(); m++) {
        assertArrayEquals(bits(eager), bits(models.get(m)), Trainer.Mode.values()[m]::toString);
        assertEquals(Double.doubleToRawLongBits(histories.get(0).loss()[0]),
            Double.doubleToRawLongBits(histories.get(m).loss()[0]));
      }
      assertTrue(bits(eager)[0] != bits(new Mlp(3, List.of(8, 3), Activation.RELU, Init.XAVIER,
          new Random(9)))[0], "training moved the parameters");
    }
  }

  /**
   * A user's engine plugged in with {@code engine(...)} gets every minibatch's rows in the
   * shuffled order, its sum becomes the history's loss, and it is closed when {@code fit} returns.
   */
  @Test
  void aPluggedInEngineSeesEveryMinibatchAndIsClosedAfterFit() {
    Mlp reference = mlp(4);
    History expected = train(reference, new Adam(reference.parameters(), 0.01),
        Trainer.Mode.REPLAYED, 2);
    Mlp model = mlp(4);
    List<Integer> sizes = new ArrayList<>();
    int[] closed = {0};
    MinibatchGradients.Factory counting = (m, loss, parameters) -> {
      assertEquals(model.parameters(), parameters);
      MinibatchGradients inner = Trainer.Mode.REPLAYED.create(m, loss, parameters);
      return new MinibatchGradients() {
        @Override
        public double accumulate(double[][] featureRows, double[][] targetRows) {
          sizes.add(featureRows.length);
          return inner.accumulate(featureRows, targetRows);
        }

        @Override
        public void close() {
          closed[0]++;
        }
      };
    };
    History history = new Trainer(model::forward, MseLoss::of, new Adam(model.parameters(), 0.01))
        .epochs(2).batchSize(8).shuffleSeed(3).engine(counting).quiet(true)
        .fit(FEATURES, TARGETS);
    assertArrayEquals(bits(reference), bits(model));
    assertArrayEquals(expected.loss(), history.loss());
    assertEquals(List.of(8, 8, 8, 8, 8, 5, 8, 8, 8, 8, 8, 5), sizes);
    assertEquals(1, closed[0]);
    assertThrows(NullPointerException.class,
        () -> new Trainer(model::forward, MseLoss::of, new Adam(model.parameters(), 0.01))
            .engine(null));
  }

  /**
   * Epoch {@code k}'s rows come in the order {@code Collections.shuffle} gives a list of the row
   * numbers with {@code new Random(seed * 0x9E3779B97F4A7C15L + k)}: the trainer shuffles an array
   * of row numbers, drawing the same numbers, so the order (and every trained parameter) stays
   * what shuffling a list gave.
   */
  @Test
  void eachEpochVisitsTheRowsInTheOrderCollectionsShuffleGives() {
    int n = 45;
    long seed = -12345;
    double[][] features = new double[n][];
    for (int i = 0; i < n; i++) {
      features[i] = new double[] {i};
    }
    List<Integer> seen = new ArrayList<>();
    MinibatchGradients.Factory recording = (m, loss, parameters) ->
        (featureRows, targetRows) -> {
          for (double[] row : featureRows) {
            seen.add((int) row[0]);
          }
          return 0.0;
        };
    new Trainer(x -> x, MseLoss::of, new Sgd(List.of(Value.of(1.0)), 0.1))
        .epochs(3).firstEpoch(2).batchSize(8).shuffleSeed(seed).engine(recording).quiet(true)
        .fit(features, features);
    List<Integer> expected = new ArrayList<>();
    for (int epoch = 2; epoch < 5; epoch++) {
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        order.add(i);
      }
      Collections.shuffle(order, new Random(seed * 0x9E3779B97F4A7C15L + epoch));
      expected.addAll(order);
    }
    assertEquals(expected, seen);
  }

  @Test
  void eachStepFollowsTheGradientOfTheMinibatchMeanLoss() {
    // One full-batch epoch of plain SGD: p - lr * grad(mean over rows of each row's loss).
    Mlp trained = mlp(2);
    new Trainer(trained::forward, MseLoss::of, new Sgd(trained.parameters(), 0.1))
        .batchSize(1000).quiet(true).fit(FEATURES, TARGETS);
    Mlp byHand = mlp(2);
    List<Value> losses = new ArrayList<>();
    for (int i = 0; i < FEATURES.length; i++) {
      losses.add(MseLoss.of(byHand.forward(ExampleGradients.leaves(FEATURES[i])),
          ExampleGradients.leaves(TARGETS[i])));
    }
    Value mean = Value.sum(losses).div(FEATURES.length);
    mean.backward();
    for (int j = 0; j < byHand.parameters().size(); j++) {
      Value p = byHand.parameters().get(j);
      assertEquals(p.data() - 0.1 * p.grad(), trained.parameters().get(j).data(), 1e-12,
          "parameter " + j);
    }
  }

  @Test
  void theHistoryHasOneRowPerEpochWithEveryMetricAndTheLossFalls() {
    Mlp model = mlp(3);
    int[] calls = {0};
    List<Integer> seen = new ArrayList<>();
    History history = new Trainer(model::forward, MseLoss::of, new Adam(model.parameters(), 0.02))
        .epochs(30).batchSize(9).quiet(true)
        .metric("calls", () -> ++calls[0])
        .metric("half", () -> 0.5)
        .afterEpoch(h -> seen.add(h.size()))
        .fit(FEATURES, TARGETS);
    assertEquals(30, history.size());
    assertArrayEquals(java.util.stream.IntStream.range(0, 30).toArray(), history.epochs());
    assertEquals(List.of("calls", "half"), history.metricNames());
    assertEquals(30.0, history.metric("calls")[29], 0.0);
    assertEquals(0.5, history.metric("half")[0], 0.0);
    assertEquals(java.util.stream.IntStream.rangeClosed(1, 30).boxed().toList(), seen);
    double[] loss = history.loss();
    assertTrue(loss[29] < 0.5 * loss[0], "loss " + loss[0] + " -> " + loss[29]);
    assertTrue(history.lastRow().startsWith("epoch 29: loss=0."), history.lastRow());
    assertThrows(IllegalArgumentException.class, () -> history.metric("accuracy"));
  }

  @Test
  void stopWhenEndsTrainingAfterTheFirstEpochWhereItHolds() {
    Mlp model = mlp(8);
    History history = new Trainer(model::forward, MseLoss::of, new Adam(model.parameters(), 0.02))
        .epochs(50).quiet(true)
        .stopWhen(h -> h.loss()[h.size() - 1] < 0.3)
        .fit(FEATURES, TARGETS);
    double[] loss = history.loss();
    assertTrue(history.size() < 50, "stopped after " + history.size());
    assertTrue(loss[loss.length - 1] < 0.3);
    for (int e = 0; e < loss.length - 1; e++) {
      assertTrue(loss[e] >= 0.3, "epoch " + e + " loss " + loss[e]);
    }
  }

  @Test
  void aRunResumedFromACheckpointWithItsFirstEpochEqualsAnUninterruptedRun() throws IOException {
    Mlp straight = mlp(4);
    train(straight, new Adam(straight.parameters(), 0.01), Trainer.Mode.REPLAYED, 4);

    Mlp first = mlp(4);
    Adam firstAdam = new Adam(first.parameters(), 0.01);
    train(first, firstAdam, Trainer.Mode.REPLAYED, 2);
    Path file = dir.resolve("epoch-1.txt");
    Checkpoint.save(firstAdam, file);
    Mlp resumed = mlp(5);
    Adam resumedAdam = new Adam(resumed.parameters(), 0.01);
    Checkpoint.load(resumedAdam, file);
    History rest = new Trainer(resumed::forward, MseLoss::of, resumedAdam)
        .epochs(2).firstEpoch(2).batchSize(8).shuffleSeed(3).quiet(true)
        .fit(FEATURES, TARGETS);
    assertArrayEquals(new int[] {2, 3}, rest.epochs());
    assertArrayEquals(bits(straight), bits(resumed));
  }

  @Test
  void badRowsAreRejectedNamingThemAndChangeNothing() {
    Mlp model = mlp(6);
    long[] before = bits(model);
    Trainer trainer = new Trainer(model::forward, MseLoss::of, new Adam(model.parameters(), 0.1))
        .quiet(true);
    assertEquals("features[1] has 2 values but features[0] has 3", assertThrows(
        IllegalArgumentException.class,
        () -> trainer.fit(new double[][] {{1, 2, 3}, {1, 2}}, new double[][] {{1, 1}, {1, 1}}))
        .getMessage());
    assertEquals("features and targets must have the same number of rows, got 1 and 2",
        assertThrows(IllegalArgumentException.class,
            () -> trainer.fit(new double[][] {{1, 2, 3}}, new double[][] {{1, 1}, {1, 1}}))
            .getMessage());
    assertEquals("targets must hold at least one row, got 0", assertThrows(
        IllegalArgumentException.class,
        () -> trainer.fit(new double[][] {{1, 2, 3}}, new double[0][])).getMessage());
    assertEquals("targets[0] is null", assertThrows(NullPointerException.class,
        () -> trainer.fit(new double[][] {{1, 2, 3}}, new double[][] {null})).getMessage());
    assertArrayEquals(before, bits(model));
    assertThrows(IllegalArgumentException.class, () -> trainer.epochs(0));
    assertThrows(IllegalArgumentException.class, () -> trainer.batchSize(0));
    assertThrows(IllegalArgumentException.class, () -> trainer.firstEpoch(-1));
    assertThrows(IllegalArgumentException.class, () -> trainer.metric("loss", () -> 0));
    assertThrows(NullPointerException.class, () -> trainer.mode(null));
  }

  @Test
  void epochNumbersBeyondTheLargestIntAreRejectedInsteadOfTrainingNoEpoch() {
    // firstEpoch + epochs overflowed: the loop ran no epoch and fit returned an empty history.
    Mlp model = mlp(8);
    long[] before = bits(model);
    Trainer trainer = new Trainer(model::forward, MseLoss::of, new Adam(model.parameters(), 0.1))
        .firstEpoch(Integer.MAX_VALUE).epochs(2).quiet(true);
    assertEquals("firstEpoch + epochs must be at most 2147483647 (epochs are numbered from"
        + " firstEpoch to firstEpoch + epochs - 1), got 2147483647 + 2", assertThrows(
            IllegalArgumentException.class, () -> trainer.fit(FEATURES, TARGETS)).getMessage());
    assertArrayEquals(before, bits(model));
    History last = trainer.firstEpoch(Integer.MAX_VALUE - 1).epochs(1).fit(FEATURES, TARGETS);
    assertArrayEquals(new int[] {Integer.MAX_VALUE - 1}, last.epochs());
  }

  @Test
  void withoutATerminalNoProgressBarIsPrinted() throws IOException {
    // Surefire's forked JVM has no console, so even without quiet(true) nothing is shown.
    assertEquals(null, System.console());
    Path err = dir.resolve("err.txt");
    java.io.PrintStream saved = System.err;
    try (java.io.PrintStream capture = new java.io.PrintStream(Files.newOutputStream(err))) {
      System.setErr(capture);
      Mlp model = mlp(7);
      new Trainer(model::forward, MseLoss::of, new Adam(model.parameters(), 0.1))
          .fit(FEATURES, TARGETS);
    } finally {
      System.setErr(saved);
    }
    assertEquals(0, Files.size(err));
  }
}
