package dev.autograd.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.autograd.core.GradCheck;
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
            integers().between(0, LinearProperties.CHOICES - 1),
            longs().all())
        .checkAssert(
            (inputs, sizes, choice, seed) -> {
              Activation hidden = LinearProperties.activation(choice);
              Init init = LinearProperties.init(choice);
              Random random = new Random(seed);
              Mlp model = new Mlp(inputs, sizes, hidden, init, random);
              int outputs = sizes.get(sizes.size() - 1);
              Value loss = ModelLoss.squaredError(model::forward, inputs, outputs, 2, random);
              if (!ModelLoss.clearOfReluKinks(loss, 1e-3)) {
                return; // finite differences straddle the kink: not a meaningful check
              }
              checked.incrementAndGet();
              GradCheck.Report report = GradCheck.check(loss, model.parameters());
              assertTrue(report.passes(1e-6), () -> model + " seed " + seed + "\n" + report);
            });
    assertTrue(checked.get() >= EXAMPLES * 8 / 10, "only " + checked + " examples checked");
  }

}
