package dev.autograd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The backward pass against {@link SweepOracle}, an independent re-statement of its documented
 * order (decreasing level, one LIFO list per level, straight on to the highest new input) and of
 * each op's table derivative: on random graphs ({@link QueueGraph}: shared subexpressions, fans of
 * nodes at one level, long sums, dot nodes over shared vectors; {@link RandomGraph}: every op;
 * {@link Gradients#of} graphs over them),
 * the interior nodes must be propagated in exactly the oracle's order and every reachable grad
 * must be the oracle's bit for bit (the order of the contributions into a shared node shows in the
 * last bits), in a first and a second pass, with {@link AnomalyDetection} on, from {@link
 * Value#backwardAccumulate()} and in the {@link CompiledGraph} replay. After every pass no node
 * keeps a queue link or a flag and every leaf keeps its label.
 */
@SuppressWarnings("try") // AnomalyDetection scopes only switch detection on for their block
class SweepOrderOracleProperties {
  private static final long SEED = Long.getLong("autograd.seed", 20261130L);
  private static final int EXAMPLES = Integer.getInteger("autograd.examples", 400);

  /** Asserts no node keeps a queue link or a flag, and leaves keep the labels they were given. */
  static void assertNoLinkNorFlag(List<Value> nodes, Supplier<String> where) {
    for (Value v : nodes) {
      assertFalse(v.visited, () -> "flag left on a '" + v.op() + "' node, " + where.get());
      if (v.isLeaf()) {
        assertEquals(String.class, v.labelOrNext.getClass(), where);
      } else {
        assertNull(v.labelOrNext, () -> "link left on a '" + v.op() + "' node, " + where.get());
        assertEquals("", v.label(), where);
      }
    }
  }

  private static void assertGrads(double[] want, List<Value> nodes, String pass,
      Supplier<String> where) {
    for (int i = 0; i < want.length; i++) {
      int node = i;
      assertEquals(Double.doubleToLongBits(want[i]), Double.doubleToLongBits(nodes.get(i).grad()),
          () -> pass + ", node " + node + " ('" + nodes.get(node).op() + "', level "
              + nodes.get(node).level + "): " + want[node] + " vs " + nodes.get(node).grad()
              + ", " + where.get());
    }
  }

  /** Every path to the grads of {@code output} against the oracle's. */
  private static void checkAgainstOracle(Value output, Supplier<String> where) {
    List<Value> nodes = SweepOracle.reachable(output);
    List<Value> order = SweepOracle.order(output);
    Value[] engine = Backprop.propagationOrder(output);
    assertEquals(order.size() + (nodes.size() - order.size()), engine.length, where);
    for (int k = 0; k < order.size(); k++) {
      int at = k;
      assertSame(order.get(k), engine[k], () -> "propagation order differs at " + at + " of "
          + order.size() + ", " + where.get());
    }
    assertNoLinkNorFlag(nodes, where);
    double[] want = SweepOracle.grads(output);

    for (Value v : nodes) {
      v.setGrad(7.0); // backward must reset every reachable grad, whatever it held
    }
    output.backward();
    assertGrads(want, nodes, "first pass", where);
    assertNoLinkNorFlag(nodes, where);
    output.backward();
    assertGrads(want, nodes, "second pass", where);
    assertNoLinkNorFlag(nodes, where);

    try (AnomalyDetection.Scope on = AnomalyDetection.on()) {
      output.backward();
    } catch (AnomalyException e) {
      // a non-finite grad: the pass completed, its grads are still comparable
    }
    assertGrads(want, nodes, "with anomaly detection", where);
    assertNoLinkNorFlag(nodes, where);

    for (Value v : nodes) {
      v.zeroGrad();
    }
    output.backwardAccumulate();
    for (int i = 0; i < want.length; i++) {
      // accumulating into 0.0 turns a -0.0 grad into 0.0; every other bit must match
      want[i] += 0.0;
    }
    assertGrads(want, nodes, "backwardAccumulate", where);
    assertNoLinkNorFlag(nodes, where);

    CompiledGraph replay = CompiledGraph.compile(output);
    assertNoLinkNorFlag(nodes, where);
    replay.forwardBackward();
    double[] fresh = SweepOracle.grads(output);
    for (int i = 0; i < fresh.length; i++) {
      int node = i;
      assertEquals(Double.doubleToLongBits(fresh[i]),
          Double.doubleToLongBits(replay.gradOf(nodes.get(i))),
          () -> "replay, node " + node + " ('" + nodes.get(node).op() + "'), " + where.get());
    }
  }

  @Test
  void queueGraphsFollowTheDocumentedOrderBitForBit() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .withShrinkCycles(50)
        .forAll(longs().all())
        .checkAssert(seed -> {
          QueueGraph g = QueueGraph.build(seed);
          Supplier<String> where = () -> "QueueGraph seed " + seed;
          checkAgainstOracle(g.output, where);
          for (int i = 0; i < g.leaves.size(); i++) {
            assertEquals(g.labels.get(i), g.leaves.get(i).label(), where);
          }
          // A pass from an inner node, then from the output again: the same grads as before.
          Value inner = g.nodes.get(g.nodes.size() / 2);
          checkAgainstOracle(inner, () -> where.get() + ", inner node");
          checkAgainstOracle(g.output, () -> where.get() + ", output after inner");
        });
  }

  @Test
  void randomGraphsOfEveryOpFollowTheDocumentedOrderBitForBit() {
    qt().withFixedSeed(SEED + 1)
        .withExamples(EXAMPLES)
        .withShrinkCycles(50)
        .forAll(lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 60),
            lists().of(doubles().between(-1.5, 1.5)).ofSizeBetween(1, 5))
        .checkAssert((program, point) -> {
          RandomGraph g = RandomGraph.build(program, point);
          checkAgainstOracle(g.output(), () -> "program " + program + " at " + point);
          for (int i = 0; i < point.size(); i++) {
            assertEquals("x" + i, g.leaves().get(i).label());
          }
        });
  }

  /** Deep graphs: hundreds of levels, each with many nodes waiting at once. */
  @Test
  void deepAndWideGraphsFollowTheDocumentedOrderBitForBit() {
    for (long seed = 0; seed < 12; seed++) {
      QueueGraph g = QueueGraph.build(seed * 7919, 400 + (int) seed * 60);
      long s = seed;
      checkAgainstOracle(g.output, () -> "deep QueueGraph seed " + s);
    }
  }

  /**
   * More levels than a thread keeps queue room for (65,536), a node waiting at nearly every one
   * (each level's node is also read two levels up): then small graphs on the same thread.
   */
  @Test
  void skipConnectionsOverMoreLevelsThanTheKeptRoomFollowTheOracle() {
    Value x = Value.of(0.25, "x");
    Value w = Value.of(0.5, "w");
    Value before = x;
    Value h = x.mul(w);
    for (int k = 0; k < 40_000; k++) { // two levels per step: 80,000 levels
      Value next = h.tanh().add(before.mul(w));
      before = h;
      h = next;
    }
    Value out = h;
    checkAgainstOracle(out, () -> "skip connections");
    assertEquals("x", x.label());
    assertEquals("w", w.label());
    for (long seed = 0; seed < 20; seed++) {
      long s = seed;
      checkAgainstOracle(QueueGraph.build(seed).output, () -> "small graph after, seed " + s);
    }
  }

  /** Gradient graphs ({@link Gradients#of}): every node of the first graph read again and again. */
  @Test
  void gradientGraphsFollowTheDocumentedOrderBitForBit() {
    qt().withFixedSeed(SEED + 2)
        .withExamples(EXAMPLES / 4)
        .withShrinkCycles(20)
        .forAll(longs().all())
        .checkAssert(seed -> {
          QueueGraph g = QueueGraph.build(seed, 5 + (int) Math.floorMod(seed, 25L));
          List<Value> grads = Gradients.of(g.output, g.leaves);
          Value total = Value.sum(grads);
          checkAgainstOracle(total, () -> "gradient graph of QueueGraph seed " + seed);
          for (int i = 0; i < g.leaves.size(); i++) {
            assertEquals(g.labels.get(i), g.leaves.get(i).label());
          }
        });
  }
}
