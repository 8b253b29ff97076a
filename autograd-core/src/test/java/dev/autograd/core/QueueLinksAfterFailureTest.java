package dev.autograd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Passes that fail (a stale graph found mid-sweep with many nodes waiting in the queue, an
 * anomaly, a stale {@code backwardAccumulate} or trace) and passes that complete must leave every
 * node as a fresh one: no queue link, no flag, every leaf's label; so that displays, later passes
 * over overlapping graphs and the replay give what an identical fresh graph gives.
 */
@SuppressWarnings("try") // AnomalyDetection scopes only switch detection on for their block
class QueueLinksAfterFailureTest {

  private static void assertClean(QueueGraph g, Supplier<String> where) {
    SweepOrderOracleProperties.assertNoLinkNorFlag(SweepOracle.reachable(g.output), where);
    for (int i = 0; i < g.leaves.size(); i++) {
      assertEquals(g.labels.get(i), g.leaves.get(i).label(), where);
    }
  }

  /** Returns a node of {@code g} that does not depend on {@code leaf}, or null. */
  private static Value freshPart(QueueGraph g, Value leaf) {
    for (int i = g.nodes.size() - 1; i >= g.leaves.size(); i--) {
      Value v = g.nodes.get(i);
      if (!SweepOracle.reachable(v).contains(leaf)) {
        return v;
      }
    }
    return null;
  }

  @Test
  void aStalePassMidSweepLeavesNoLinkAndLaterPassesMatchTheOracle() {
    int midSweep = 0;
    int freshParts = 0;
    for (long seed = 0; seed < 300; seed++) {
      QueueGraph g = QueueGraph.build(seed, 40 + (int) (seed % 120));
      long s = seed;
      Supplier<String> where = () -> "QueueGraph seed " + s;
      List<Value> nodes = SweepOracle.reachable(g.output);
      int pick = (int) (seed % g.leaves.size());
      Value leaf = g.leaves.get(pick);
      if (!nodes.contains(leaf)) {
        continue;
      }
      for (Value v : nodes) {
        v.setGrad(7.0); // the failed pass resets the grads of the nodes it reaches
      }
      leaf.setData(leaf.data()); // same number, new version: every node built from it is stale
      IllegalStateException e;
      // Every other graph fails in the anomaly-detection pass, which reaches a dot node's every
      // factor before propagating it.
      try (AnomalyDetection.Scope on = seed % 2 == 1 ? AnomalyDetection.on() : null) {
        e = assertThrows(IllegalStateException.class, g.output::backward, where);
      }
      assertTrue(e.getMessage().contains("\"" + g.labels.get(pick) + "\""), e.getMessage());
      assertClean(g, where);
      // How far the failed pass got: the nodes it reset were reached.
      int reset = 0;
      for (Value v : nodes) {
        reset += v.grad() != 7.0 ? 1 : 0;
      }
      midSweep += reset > 2 ? 1 : 0;
      // The same failure again, and backwardAccumulate's (checked before any grad changes).
      assertThrows(IllegalStateException.class, g.output::backward, where);
      assertClean(g, where);
      long[] before = SweepOracle.gradBits(nodes);
      assertThrows(IllegalStateException.class, g.output::backwardAccumulate, where);
      assertEquals(Arrays.toString(before), Arrays.toString(SweepOracle.gradBits(nodes)),
          where.get());
      assertClean(g, where);
      assertThrows(IllegalStateException.class, () -> BackwardTrace.run(g.output), where);
      assertClean(g, where);
      // A part of the graph that does not read the leaf is still fresh: its pass is the oracle's.
      Value part = freshPart(g, leaf);
      if (part != null) {
        freshParts++;
        List<Value> partNodes = SweepOracle.reachable(part);
        long[] want = SweepOracle.bits(SweepOracle.grads(part));
        part.backward();
        assertEquals(Arrays.toString(want),
            Arrays.toString(SweepOracle.gradBits(partNodes)), where.get());
        assertClean(g, where);
      }
      // The replay recomputes from the leaves: as the replay of an identical graph never passed.
      QueueGraph twin = QueueGraph.build(seed, 40 + (int) (seed % 120));
      twin.leaves.get(pick).setData(leaf.data());
      CompiledGraph replay = CompiledGraph.compile(g.output);
      CompiledGraph twinReplay = CompiledGraph.compile(twin.output);
      assertClean(g, where);
      replay.forwardBackward();
      twinReplay.forwardBackward();
      List<Value> twinNodes = SweepOracle.reachable(twin.output);
      for (int i = 0; i < nodes.size(); i++) {
        assertEquals(Double.doubleToLongBits(twinReplay.gradOf(twinNodes.get(i))),
            Double.doubleToLongBits(replay.gradOf(nodes.get(i))), where.get() + ", node " + i);
      }
    }
    assertTrue(midSweep > 100, "passes failing mid-sweep: " + midSweep);
    assertTrue(freshParts > 50, "fresh parts differentiated after a failure: " + freshParts);
  }

  @Test
  void anAnomalyPassLeavesNoLinkAndNamesTheLabelledInput() {
    int tried = 0;
    for (long seed = 0; seed < 60; seed++) {
      QueueGraph g = QueueGraph.build(seed, 30 + (int) seed);
      long s = seed;
      Supplier<String> where = () -> "QueueGraph seed " + s;
      try (AnomalyDetection.Scope on = AnomalyDetection.on()) {
        g.output.backward();
      } catch (AnomalyException own) {
        continue; // the graph has an anomaly of its own (a sqrt at 0 under a relu)
      }
      tried++;
      Value zero = Value.of(0.0, "zero" + seed);
      // sqrt at 0 sends an infinite grad into "zero", under the whole graph.
      Value out;
      try (AnomalyDetection.Scope on = AnomalyDetection.on()) {
        out = zero.sqrt().add(g.output); // reached last, at level 1
      }
      List<Value> nodes = SweepOracle.reachable(out);
      AnomalyException e;
      try (AnomalyDetection.Scope on = AnomalyDetection.on()) {
        e = assertThrows(AnomalyException.class, out::backward, where);
      }
      assertTrue(e.getMessage().contains("'zero" + seed + "'"), e.getMessage());
      SweepOrderOracleProperties.assertNoLinkNorFlag(nodes, where);
      assertEquals("zero" + seed, zero.label());
      assertClean(g, where);
      out.backward();
      assertEquals(Arrays.toString(SweepOracle.bits(SweepOracle.grads(out))),
          Arrays.toString(SweepOracle.gradBits(nodes)), where.get());
    }
    assertTrue(tried > 30, "graphs tried: " + tried);
  }

  /**
   * Every display drawn after passes (completed, failed, recorded, accumulated, from an inner node)
   * is the display of an identical graph that only had one pass.
   */
  @Test
  void displaysAfterEarlierPassesAreThoseOfAFreshGraph() {
    for (long seed = 0; seed < 40; seed++) {
      QueueGraph used = QueueGraph.build(seed, 10 + (int) seed);
      QueueGraph fresh = QueueGraph.build(seed, 10 + (int) seed);
      used.output.backward();
      used.nodes.get(used.nodes.size() / 2).backward();
      CompiledGraph.compile(used.output).forwardBackward();
      used.output.backwardAccumulate();
      Backprop.record(used.output);
      BackwardTrace.run(used.nodes.get(used.nodes.size() - 1));
      used.output.backward();
      fresh.output.backward();
      String where = "QueueGraph seed " + seed;
      assertEquals(GraphTree.render(fresh.output), GraphTree.render(used.output), where);
      assertEquals(DotGraph.render(fresh.output), DotGraph.render(used.output), where);
      assertEquals(BackwardTrace.run(fresh.output).toString(),
          BackwardTrace.run(used.output).toString(), where);

      // After a failed pass, with the grads zeroed, the structure and labels are drawn as before.
      Value leaf = used.leaves.get(0);
      leaf.setData(leaf.data());
      try {
        used.output.backward();
      } catch (IllegalStateException expected) {
        // stale when the leaf is reachable
      }
      List<Value> usedNodes = SweepOracle.reachable(used.output);
      List<Value> freshNodes = SweepOracle.reachable(fresh.output);
      for (int i = 0; i < usedNodes.size(); i++) {
        usedNodes.get(i).zeroGrad();
        freshNodes.get(i).zeroGrad();
      }
      assertEquals(GraphTree.render(fresh.output), GraphTree.render(used.output), where);
      assertEquals(DotGraph.render(fresh.output), DotGraph.render(used.output), where);
      assertClean(used, () -> where);
    }
  }

  /** A chain with a wide fan at every level: the queue holds nodes at every level when it fails. */
  @Test
  void aFailureWithEveryLevelWaitingLeavesNoLink() {
    List<Value> leaves = new ArrayList<>();
    Value x = Value.of(0.3, "x");
    Value y = Value.of(-0.7, "y");
    Value h = x;
    List<Value> all = new ArrayList<>();
    for (int level = 0; level < 200; level++) {
      Value w = Value.of(0.01 * level, "w" + level);
      leaves.add(w);
      List<Value> fan = new ArrayList<>();
      for (int k = 0; k < 5; k++) {
        fan.add(h.mul(w).add(k == 0 ? y : w)); // five nodes at the same level
      }
      h = Value.dot(h, Value.vector(fan), Value.vector(fan)).tanh();
      all.addAll(fan);
      all.add(h);
    }
    y.setData(y.data()); // read at every level: the pass fails at the first fan it reaches
    assertThrows(IllegalStateException.class, h::backward);
    for (Value v : all) {
      assertEquals(null, v.labelOrNext);
      assertEquals(false, v.visited);
    }
    assertEquals("x", x.label());
    assertEquals("y", y.label());
    for (int i = 0; i < leaves.size(); i++) {
      assertEquals("w" + i, leaves.get(i).label());
      assertEquals(false, leaves.get(i).visited);
    }
  }

  /** A recording that rejects its input slots after the sweep leaves the graph as it was. */
  @Test
  void aRejectedRecordingLeavesNoLinkAndNamesTheInputByLabel() {
    for (long seed = 0; seed < 40; seed++) {
      QueueGraph g = QueueGraph.build(seed, 20 + (int) seed);
      long s = seed;
      Supplier<String> where = () -> "QueueGraph seed " + s;
      Value outsider = Value.of(1.0, "outsider" + seed);
      List<Value> reachable = SweepOracle.reachable(g.output);
      List<Value> inputs = new ArrayList<>();
      for (Value leaf : g.leaves) {
        if (reachable.contains(leaf)) {
          inputs.add(leaf);
        }
      }
      inputs.add(outsider);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> CompiledGraph.compile(g.output, inputs), where);
      assertTrue(e.getMessage().contains("\"outsider" + seed + "\""), e.getMessage());
      assertClean(g, where);
      g.output.backward();
      assertEquals(Arrays.toString(SweepOracle.bits(SweepOracle.grads(g.output))),
          Arrays.toString(SweepOracle.gradBits(SweepOracle.reachable(g.output))));
    }
  }
}
