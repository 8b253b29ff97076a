package dev.autograd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random expression graphs mixing every op, with reused nodes: backprop must agree with finite
 * differences, and compiled replay with eager backprop. The seed is fixed so a build is
 * reproducible; run with {@code -Dautograd.seed=N} to explore other graphs. The number of graphs
 * per property is 11,000 (finite differences) and 2,000 (replay); {@code -Dautograd.examples=N}
 * sets both to at most N, as the mutation-testing profile does to keep each run short.
 */
class ValueGraphProperties {
  private static final long SEED = Long.getLong("autograd.seed", 20261126L);
  private static final int EXAMPLES = Integer.getInteger("autograd.examples", 11_000);

  private static Gen<List<Integer>> programs() {
    return lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 45);
  }

  private static Gen<List<Double>> points() {
    return lists().of(doubles().between(-2.0, 2.0)).ofSizeBetween(1, 5);
  }

  @Test
  void everyLeafGradientMatchesCentralDifferences() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(programs(), points())
        .checkAssert(
            (program, point) -> {
              RandomGraph graph = RandomGraph.build(program, point);
              GradCheck.Report report = GradCheck.check(graph.output(), graph.leaves());
              assertTrue(report.passes(1e-6), () -> graph + "\n" + report);
            });
  }

  @Test
  void compiledReplayEqualsEagerBackpropBitForBit() {
    qt().withFixedSeed(SEED + 1)
        .withExamples(Math.min(EXAMPLES, 2_000))
        .forAll(programs(), points())
        .checkAssert(
            (program, point) -> {
              RandomGraph graph = RandomGraph.build(program, point);
              graph.output().backward();
              List<Double> eager = new ArrayList<>();
              for (Value leaf : graph.leaves()) {
                eager.add(leaf.grad());
                leaf.zeroGrad();
              }
              CompiledGraph compiled = CompiledGraph.compile(graph.output());
              assertEquals(graph.output().data(), compiled.forwardBackward());
              for (int i = 0; i < eager.size(); i++) {
                Value leaf = graph.leaves().get(i);
                double expected = compiled.leaves().contains(leaf) ? eager.get(i) : 0.0;
                assertEquals(expected, leaf.grad(), () -> graph.toString());
              }
            });
  }

  @Test
  void replayedInteriorValuesAndGradsEqualARebuiltGraphsBitForBit() {
    qt().withFixedSeed(SEED + 2)
        .withExamples(Math.min(EXAMPLES, 2_000))
        .forAll(programs(), points(), points())
        .checkAssert(
            (program, point, moved) -> {
              RandomGraph recorded = RandomGraph.build(program, point);
              CompiledGraph compiled = CompiledGraph.compile(recorded.output());
              List<Value> leaves = recorded.leaves();
              for (int i = 0; i < leaves.size(); i++) {
                leaves.get(i).setData(moved.get(i % moved.size()));
              }
              compiled.forwardBackward();
              List<Value> before = reachable(recorded.output());
              RandomGraph rebuilt = recorded.rebuild(leaves);
              rebuilt.output().backward();
              List<Value> after = reachable(rebuilt.output());
              assertEquals(before.size(), after.size());
              for (int i = 0; i < before.size(); i++) {
                Value node = before.get(i);
                Value twin = after.get(i);
                assertEquals(twin.data(), compiled.valueOf(node), () -> rebuilt.toString());
                assertEquals(twin.grad(), compiled.gradOf(node), () -> rebuilt.toString());
              }
            });
  }

  /** Returns the nodes reachable from {@code root}, each once, in a structural order. */
  private static List<Value> reachable(Value root) {
    Set<Value> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Value> order = new ArrayList<>();
    Deque<Value> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      Value v = stack.pop();
      if (seen.add(v)) {
        order.add(v);
        for (Value c : v.children()) {
          stack.push(c);
        }
      }
    }
    return order;
  }
}
