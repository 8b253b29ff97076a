package dev.autograd.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.autograd.core.CompiledGraph;
import dev.autograd.core.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Generated, interpreted ({@link CompiledGraph}) and eager ({@link Value#backward()}) replays of
 * random graphs give identical outputs and gradients, bit for bit, on the recorded point and after
 * the leaves move.
 */
class GeneratedGraphProperties {
  private static final int LEAVES = 4;

  @Test
  void generatedInterpretedAndEagerGradientsAreIdenticalBitForBit() {
    qt().withExamples(300)
        .forAll(
            lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 60),
            lists().of(doubles().between(-3, 3)).ofSize(2 * LEAVES))
        .checkAssert(
            (program, points) -> {
              double[] first = new double[LEAVES];
              double[] second = new double[LEAVES];
              for (int i = 0; i < LEAVES; i++) {
                first[i] = points.get(i);
                second[i] = points.get(LEAVES + i);
              }
              OpGraph recorded = new OpGraph(program, first);
              CompiledGraph interpreted = CompiledGraph.compile(recorded.output());
              GeneratedGraph generated = GeneratedGraph.compile(recorded.output());
              assertEquals(true, generated.isGenerated());
              for (double[] point : List.of(first, second)) {
                for (int i = 0; i < LEAVES; i++) {
                  recorded.leaves().get(i).setData(point[i]);
                }
                OpGraph eager = new OpGraph(program, point);
                eager.output().backward();
                double interpretedOut = interpreted.forwardBackward();
                double generatedOut = generated.forwardBackward();
                assertBits(eager.output().data(), interpretedOut, "interpreted output");
                assertBits(eager.output().data(), generatedOut, "generated output");
                for (int i = 0; i < LEAVES; i++) {
                  Value leaf = recorded.leaves().get(i);
                  double expected = eager.leaves().get(i).grad();
                  if (!interpreted.leaves().contains(leaf)) {
                    continue; // not reachable from the output: neither replay touches it
                  }
                  assertBits(expected, interpreted.gradOf(leaf), "interpreted grad of x" + i);
                  assertBits(expected, generated.gradOf(leaf), "generated grad of x" + i);
                  assertBits(expected, leaf.grad(), "generated grad written to x" + i);
                }
              }
            });
  }

  static void assertBits(double expected, double actual, String what) {
    assertEquals(
        Double.doubleToLongBits(expected),
        Double.doubleToLongBits(actual),
        () -> what + ": expected " + expected + ", got " + actual);
  }
}
