package dev.autograd.optim;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.autograd.core.GradCheck;
import dev.autograd.core.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Every loss's gradient with respect to its predictions agrees with finite differences, on random
 * data kept at least 1e-3 away from the kinks of MAE and hinge. Fixed seed; {@code
 * -Dautograd.seed=N} explores others.
 */
class LossProperties {
  private static final long SEED = Long.getLong("autograd.seed", 20261127L) + 2;
  private static final int EXAMPLES = 300;

  @Test
  void mseGradientMatchesCentralDifferences() {
    check(MseLoss::of, r -> -3 + 6 * r, r -> -3 + 6 * r);
  }

  @Test
  void maeGradientMatchesCentralDifferences() {
    check(MaeLoss::of, r -> -3 + 6 * r, r -> -3 + 6 * r);
  }

  @Test
  void hingeGradientMatchesCentralDifferences() {
    check(HingeLoss::of, r -> -3 + 6 * r, r -> r < 0.5 ? -1.0 : 1.0);
  }

  @Test
  void binaryCrossEntropyGradientMatchesCentralDifferences() {
    check(BinaryCrossEntropyLoss::of, r -> 0.02 + 0.96 * r, r -> r);
  }

  @Test
  void crossEntropyGradientMatchesCentralDifferences() {
    check(CrossEntropyLoss::of, r -> -8 + 16 * r, r -> r);
  }

  private static void check(
      Loss loss, DoubleUnaryOperator prediction, DoubleUnaryOperator target) {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(integers().between(1, 8), longs().all())
        .checkAssert(
            (n, seed) -> {
              Random random = new Random(seed);
              List<Value> predictions = new ArrayList<>(n);
              List<Value> targets = new ArrayList<>(n);
              for (int i = 0; i < n; i++) {
                double y = target.applyAsDouble(random.nextDouble());
                double p = prediction.applyAsDouble(random.nextDouble());
                // keep away from |p - y| = 0 (MAE) and y * p = 1 (hinge)
                while (Math.abs(p - y) < 1e-3 || Math.abs(1 - y * p) < 1e-3) {
                  p = prediction.applyAsDouble(random.nextDouble());
                }
                predictions.add(Value.of(p, "p" + i));
                targets.add(Value.of(y));
              }
              Value out = loss.of(predictions, targets);
              GradCheck.Report report = GradCheck.check(out, predictions);
              assertTrue(report.passes(1e-6), () -> "seed " + seed + "\n" + report);
            });
  }
}
