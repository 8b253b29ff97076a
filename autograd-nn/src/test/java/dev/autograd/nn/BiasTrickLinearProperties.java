package dev.autograd.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.autograd.core.Value;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Backprop through {@link BiasTrickLinear} agrees with finite differences for random shapes,
 * activations, initialisations, weights and data. Fixed seed; {@code -Dautograd.seed=N} explores others.
 */
class BiasTrickLinearProperties {
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
            integers().between(0, ModelLoss.CHOICES - 1),
            longs().all())
        .checkAssert(
            (inputs, outputs, choice, seed) -> {
              Random random = new Random(seed);
              BiasTrickLinear model = new BiasTrickLinear(
                  inputs, outputs, ModelLoss.activation(choice), ModelLoss.init(choice), random);
              Value loss = ModelLoss.squaredError(model::forward, inputs, outputs, 3, random);
              if (ModelLoss.gradientsMatchUnlessNearAKink(model, loss, seed)) {
                checked.incrementAndGet();
              }
            });
    assertTrue(checked.get() >= EXAMPLES * 9 / 10, "only " + checked + " examples checked");
  }
}
