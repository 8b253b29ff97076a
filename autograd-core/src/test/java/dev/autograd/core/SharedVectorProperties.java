package dev.autograd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random graphs of dot nodes that share factor vectors ({@link Value#vector}): vectors holding
 * leaves and interior nodes of several levels, an element given twice, one vector as both
 * factors, dot nodes of several levels reading one vector. {@code backward()} (which reaches a
 * shared vector's elements once per pass) must give every node the grad it gets when each dot
 * node reads a copy of its own, bit for bit, pass after pass, and equal the compiled replay.
 */
class SharedVectorProperties {
  private static final long SEED = Long.getLong("autograd.seed", 20261130L);
  private static final int EXAMPLES = Integer.getInteger("autograd.examples", 2_000);

  /** A graph and its nodes in the order they were made, leaves first. */
  private record Graph(Value output, List<Value> nodes) {}

  /**
   * Builds the graph {@code program} describes over leaves holding {@code point}; {@code vector}
   * makes the list each dot node reads (a shared vector, or a copy of its own).
   */
  private static Graph build(List<Integer> program, List<Double> point,
      UnaryOperator<List<Value>> vector) {
    List<Value> nodes = new ArrayList<>();
    for (double x : point) {
      nodes.add(Value.of(x));
    }
    int length = 1 + program.get(0) % 4;
    List<List<Value>> vectors = new ArrayList<>();
    for (int code : program) {
      int pick = code >>> 3;
      switch (code & 7) {
        case 0, 1 -> { // a new vector from nodes made so far, repeats allowed
          List<Value> elements = new ArrayList<>();
          for (int i = 0; i < length; i++) {
            elements.add(nodes.get(Math.floorMod(pick * 31 + i * 7 + i * i, nodes.size())));
          }
          vectors.add(Value.vector(elements));
        }
        case 2, 3, 4 -> { // a dot node of two vectors (maybe the same one) and a start
          if (vectors.isEmpty()) {
            break;
          }
          List<Value> a = vectors.get(pick % vectors.size());
          List<Value> b = vectors.get((pick / 5) % vectors.size());
          Value start = nodes.get((pick / 25) % nodes.size());
          nodes.add(Value.dot(start, vector.apply(a), vector.apply(b)));
        }
        case 5 -> nodes.add(nodes.get(pick % nodes.size()).tanh());
        case 6 -> nodes.add(nodes.get(pick % nodes.size()).relu());
        default -> nodes.add(nodes.get(pick % nodes.size())
            .mul(nodes.get((pick / 7) % nodes.size())));
      }
    }
    // The output reads the last few nodes, so that most of the graph is reachable.
    Value output = Value.of(0.0);
    for (int i = Math.max(0, nodes.size() - 4); i < nodes.size(); i++) {
      output = output.add(nodes.get(i));
    }
    return new Graph(output, nodes);
  }

  private static long[] gradBits(List<Value> nodes) {
    long[] bits = new long[nodes.size()];
    for (int i = 0; i < bits.length; i++) {
      bits[i] = Double.doubleToLongBits(nodes.get(i).grad());
    }
    return bits;
  }

  @Test
  void sharedVectorsGiveTheGradsOfCopiesBitForBitPassAfterPass() {
    Gen<List<Integer>> programs =
        lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 40);
    Gen<List<Double>> points = lists().of(doubles().between(-2.0, 2.0)).ofSizeBetween(1, 5);
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(programs, points)
        .checkAssert(
            (program, point) -> {
              Graph copied = build(program, point, ArrayList::new);
              copied.output().backward();
              long[] expected = gradBits(copied.nodes());
              Graph shared = build(program, point, v -> v);
              assertEquals(Double.doubleToLongBits(copied.output().data()),
                  Double.doubleToLongBits(shared.output().data()));
              for (int pass = 0; pass < 2; pass++) {
                shared.output().backward();
                assertArrayEqualsBits(expected, gradBits(shared.nodes()), program, point);
              }
              // A pass from an inner node in between, then the output again.
              shared.nodes().get(shared.nodes().size() - 1).backward();
              shared.output().backward();
              assertArrayEqualsBits(expected, gradBits(shared.nodes()), program, point);

              List<Value> leaves = shared.nodes().subList(0, point.size());
              long[] eager = gradBits(leaves);
              for (Value leaf : leaves) {
                leaf.zeroGrad();
              }
              CompiledGraph compiled = CompiledGraph.compile(shared.output());
              compiled.forwardBackward();
              for (int i = 0; i < leaves.size(); i++) {
                long want = compiled.leaves().contains(leaves.get(i)) ? eager[i] : 0L;
                assertEquals(want, Double.doubleToLongBits(leaves.get(i).grad()),
                    () -> "replay, program " + program + " at " + point);
              }
            });
  }

  private static void assertArrayEqualsBits(long[] expected, long[] actual, List<Integer> program,
      List<Double> point) {
    for (int i = 0; i < expected.length; i++) {
      int node = i;
      assertEquals(expected[i], actual[i], () -> "node " + node + ", program " + program + " at "
          + point);
    }
  }
}
