package dev.autograd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The batched replay over random graphs (every op, reused nodes; and graphs of dot-product chains,
 * which it fuses) and random minibatches: the
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
              assertSameAsPerExample(graph.output(), reachable, random, lanes, false,
                  graph::toString);
            });
  }

  /**
   * Graphs of dot-product chains ({@link DotChainGraph}: shared operands, {@code dot(x, x)},
   * chains of chains, MLP-like layers, chains that must stay unfused) replayed fused, with rows
   * that hold NaN, infinities and signed zeros now and then: bit for bit the per-example
   * replay's. Over the run, many chains are fused and some are refused.
   */
  @Test
  void fusedDotChainsEqualPerExampleAccumulateBitForBit() {
    AtomicInteger fused = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(longs().all(), integers().between(1, 6), longs().all())
        .checkAssert(
            (graphSeed, lanes, seed) -> {
              DotChainGraph graph = DotChainGraph.build(graphSeed);
              Random random = new Random(seed);
              List<Value> reachable =
                  new ArrayList<>(CompiledGraph.compile(graph.output()).leaves());
              Collections.shuffle(reachable, random);
              BatchedReplay batched = assertSameAsPerExample(graph.output(), reachable, random,
                  lanes, true, graph::toString);
              fused.addAndGet(batched.fusedChains());
              refused.addAndGet(batched.chains() - batched.fusedChains());
            });
    assertTrue(fused.get() > EXAMPLES, () -> fused + " chains fused");
    assertTrue(refused.get() > 0, () -> refused + " chains refused");
  }

  /**
   * Compiles {@code output} with a random number of the first {@code leaves} as input slots (the
   * others are the parameters), replays two minibatches of random rows per example, then batched
   * in passes of {@code lanes} from the same held grads (-0.0 now and then, which shows a
   * contribution's sign), and asserts equal sums and grads, bit for bit.
   */
  private static BatchedReplay assertSameAsPerExample(Value output, List<Value> leaves,
      Random random, int lanes, boolean special, Supplier<String> description) {
    int inputCount = 1 + random.nextInt(leaves.size());
    CompiledGraph compiled = CompiledGraph.compile(output, leaves.subList(0, inputCount));
    List<Value> parameters = leaves.subList(inputCount, leaves.size());
    double[][] first = rows(random, 1 + random.nextInt(12), inputCount, special);
    double[][] second = rows(random, 1 + random.nextInt(first.length), inputCount, special);
    double[] held = new double[parameters.size()];
    for (int p = 0; p < held.length; p++) {
      held[p] = random.nextInt(4) == 0 ? -0.0 : random.nextGaussian();
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
    assertEquals(expectedSums[0], batched.accumulate(first), description);
    assertEquals(expectedSums[1], batched.accumulate(second), description);
    double[] actual = grads(parameters);
    for (int p = 0; p < held.length; p++) {
      assertEquals(expected[p], actual[p], description);
    }
    return batched;
  }

  /** Rows of numbers in [-3, 3); if {@code special}, one in twelve NaN, ±∞, 0.0 or -0.0. */
  private static double[][] rows(Random random, int count, int length, boolean special) {
    double[] specials = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0};
    double[][] rows = new double[count][length];
    for (double[] row : rows) {
      for (int j = 0; j < length; j++) {
        row[j] = special && random.nextInt(12) == 0 ? specials[random.nextInt(specials.length)]
            : random.nextDouble() * 6 - 3;
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
