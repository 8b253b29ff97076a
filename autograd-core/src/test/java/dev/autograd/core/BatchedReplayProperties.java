package dev.autograd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The batched replay over random graphs (every op, reused nodes) and random minibatches: the
 * parameters' grads and the loss sums equal per-example {@link CompiledGraph#accumulate(double[])}
 * in row order bit for bit, whatever the number of lanes, over two minibatches of different
 * sizes (the buffers reused, the last pass shorter). Rows reach outside the ops' smooth domains,
 * so NaN and infinities are compared too. Seed: {@code -Dautograd.seed=N}.
 */
class BatchedReplayProperties {
  private static final long SEED = Long.getLong("autograd.seed", 20261130L);
  private static final int EXAMPLES = Integer.getInteger("autograd.examples", 1_500);

  private static Gen<List<Integer>> programs() {
    return lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 40);
  }

  private static Gen<List<Double>> points() {
    return lists().of(doubles().between(-2.0, 2.0)).ofSizeBetween(1, 6);
  }

  @Test
  void batchedReplayEqualsPerExampleAccumulateBitForBit() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(programs(), points(), integers().between(1, 6), longs().all())
        .checkAssert(
            (program, point, lanes, seed) -> {
              RandomGraph graph = RandomGraph.build(program, point);
              Random random = new Random(seed);
              List<Value> reachable = CompiledGraph.compile(graph.output()).leaves();
              int inputCount = 1 + random.nextInt(reachable.size());
              CompiledGraph compiled =
                  CompiledGraph.compile(graph.output(), reachable.subList(0, inputCount));
              List<Value> parameters = reachable.subList(inputCount, reachable.size());
              double[][] first = rows(random, 1 + random.nextInt(12), inputCount);
              double[][] second = rows(random, 1 + random.nextInt(first.length), inputCount);
              double[] held = new double[parameters.size()];
              for (int p = 0; p < held.length; p++) {
                held[p] = random.nextGaussian();
                parameters.get(p).setGrad(held[p]);
              }

              double[] expectedSums = new double[2];
              int b = 0;
              for (double[][] batch : List.of(first, second)) {
                for (double[] row : batch) {
                  expectedSums[b] += compiled.accumulate(row);
                }
                b++;
              }
              double[] expected = grads(parameters);

              for (int p = 0; p < held.length; p++) {
                parameters.get(p).setGrad(held[p]);
              }
              BatchedReplay batched = BatchedReplay.of(compiled, lanes);
              assertEquals(expectedSums[0], batched.accumulate(first), graph::toString);
              assertEquals(expectedSums[1], batched.accumulate(second), graph::toString);
              double[] actual = grads(parameters);
              for (int p = 0; p < held.length; p++) {
                assertEquals(expected[p], actual[p], graph::toString);
              }
            });
  }

  private static double[][] rows(Random random, int count, int length) {
    double[][] rows = new double[count][length];
    for (double[] row : rows) {
      for (int j = 0; j < length; j++) {
        row[j] = random.nextDouble() * 6 - 3;
      }
    }
    return rows;
  }

  private static double[] grads(List<Value> leaves) {
    double[] grads = new double[leaves.size()];
    for (int i = 0; i < grads.length; i++) {
      grads[i] = leaves.get(i).grad();
    }
    return grads;
  }
}
