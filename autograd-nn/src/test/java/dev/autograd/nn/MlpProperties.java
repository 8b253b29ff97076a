package dev.autograd.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.autograd.core.Value;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Backprop through {@link Mlp} agrees with finite differences for random depths, widths, hidden
 * activations, initialisations, weights and data. Fixed seed; {@code -Dautograd.seed=N} explores
 * others.
 */
class MlpProperties {
  private static final long SEED = Long.getLong("autograd.seed", 20261127L) + 1;
  private static final int EXAMPLES = 500;

  @Test
  void parameterGradientsMatchCentralDifferences() {
    AtomicInteger checked = new AtomicInteger();
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(
            integers().between(1, 3),
            lists().of(integers().between(1, 5)).ofSizeBetween(1, 3),
            integers().between(0, ModelLoss.CHOICES - 1),
            longs().all())
        .checkAssert(
            (inputs, sizes, choice, seed) -> {
              Random random = new Random(seed);
              Mlp model = new Mlp(
                  inputs, sizes, ModelLoss.activation(choice), ModelLoss.init(choice), random);
              int outputs = sizes.get(sizes.size() - 1);
              Value loss = ModelLoss.squaredError(model::forward, inputs, outputs, 2, random);
              if (ModelLoss.gradientsMatchUnlessNearAKink(model, loss, seed)) {
                checked.incrementAndGet();
              }
            });
    assertTrue(checked.get() >= EXAMPLES * 8 / 10, "only " + checked + " examples checked");
  }
}
