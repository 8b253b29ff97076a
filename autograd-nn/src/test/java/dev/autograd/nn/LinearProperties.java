package dev.autograd.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.autograd.core.GradCheck;
import dev.autograd.core.Value;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Backprop through {@link Linear} agrees with finite differences for random shapes, activations,
 * initialisations, weights and data. Fixed seed; {@code -Dautograd.seed=N} explores others.
 */
class LinearProperties {
  private static final long SEED = Long.getLong("autograd.seed", 20261127L);
  private static final int EXAMPLES = 500;

  @Test
  void parameterGradientsMatchCentralDifferences() {
    AtomicInteger checked = new AtomicInteger();
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(
            integers().between(1, 4),
            integers().between(1, 4),
            integers().between(0, CHOICES - 1),
            longs().all())
        .checkAssert(
            (inputs, outputs, choice, seed) -> {
              Activation activation = activation(choice);
              Init init = init(choice);
              Random random = new Random(seed);
              Linear model = new Linear(inputs, outputs, activation, init, random);
              Value loss = ModelLoss.squaredError(model::forward, inputs, outputs, 3, random);
              if (!ModelLoss.clearOfReluKinks(loss, 1e-3)) {
                return; // finite differences straddle the kink: not a meaningful check
              }
              checked.incrementAndGet();
              GradCheck.Report report = GradCheck.check(loss, model.parameters());
              assertTrue(report.passes(1e-6), () -> model + " seed " + seed + "\n" + report);
            });
    assertTrue(checked.get() >= EXAMPLES * 9 / 10, "only " + checked + " examples checked");
  }

  /** Number of (activation, init) pairs, indexed by {@link #activation} and {@link #init}. */
  static final int CHOICES = Activation.values().length * Init.values().length;

  static Activation activation(int choice) {
    return Activation.values()[choice % Activation.values().length];
  }

  static Init init(int choice) {
    return Init.values()[choice / Activation.values().length];
  }
}
