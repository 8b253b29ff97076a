package dev.autograd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random graphs whose dot nodes share factor vectors, checked against every other path the core
 * has to the same gradients: the same graph over per-node copies, the two-walk pass that {@link
 * AnomalyDetection} keeps, {@link Value#backwardAccumulate()} from zero grads, {@link
 * BackwardTrace}, a pass from an inner node first, and the {@link CompiledGraph} replay (every
 * reachable node's value and grad). With leaves changed between steps, {@code backward()} must
 * throw exactly when a reachable node read a leaf changed after it was built (decided here from
 * the build order alone, not from the engine's versions), leave no node flagged, and a later
 * pass over a fresh part of the graph must equal a graph built from scratch.
 */
@SuppressWarnings("try") // AnomalyDetection scopes only switch detection on for their block
class VectorSharingOracleProperties {
  private static final long SEED = Long.getLong("autograd.seed", 20261130L);
  private static final int EXAMPLES = Integer.getInteger("autograd.examples", 800);

  private static final Gen<List<Integer>> PROGRAMS =
      lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 45);
  private static final Gen<List<Double>> POINTS =
      lists().of(doubles().between(-1.5, 1.5)).ofSizeBetween(1, 5);

  @Test
  void sharedVectorsAgreeWithEveryOtherPathToTheGradients() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .withShrinkCycles(100)
        .forAll(PROGRAMS, POINTS)
        .checkAssert((program, point) -> {
          Supplier<String> where = () -> "program " + program + " at " + point;
          VectorProgram copied = VectorProgram.build(program, point, ArrayList::new, false);
          copied.output.backward();
          long[] expected = copied.gradBits();
          VectorProgram shared = VectorProgram.build(program, point, v -> v, false);
          assertEquals(Double.doubleToLongBits(copied.output.data()),
              Double.doubleToLongBits(shared.output.data()), where);

          for (Value v : VectorProgram.reachable(shared.output).keySet()) {
            v.setGrad(7.0); // backward must reset every reachable grad, whatever it held
          }
          shared.output.backward();
          assertBits(expected, shared, "first pass", where);
          shared.output.backward();
          assertBits(expected, shared, "second pass", where);

          try (AnomalyDetection.Scope on = AnomalyDetection.on()) {
            shared.output.backward(); // the two-walk pass, no vector skipped
          } catch (AnomalyException e) {
            // non-finite grads: the pass completed, its grads are still comparable
          }
          assertBits(expected, shared, "with anomaly detection", where);

          for (Value v : shared.nodes) {
            v.zeroGrad();
          }
          shared.output.backwardAccumulate();
          for (int i = 0; i < expected.length; i++) {
            double want = Double.longBitsToDouble(expected[i]);
            double got = shared.nodes.get(i).grad();
            int node = i;
            assertTrue(want == got || (Double.isNaN(want) && Double.isNaN(got)),
                () -> "backwardAccumulate, node " + node + ": " + want + " vs " + got + ", "
                    + where.get());
          }
          assertEquals(-1, shared.firstFlagged(), where);

          BackwardTrace trace = BackwardTrace.run(shared.output);
          assertBits(expected, shared, "after BackwardTrace", where);
          for (Value leaf : shared.leaves) {
            double last = Double.NaN;
            boolean seen = false;
            for (BackwardTrace.Step s : trace.steps()) {
              if (s.input().equals(leaf.label())) {
                last = s.inputGradAfter();
                seen = true;
              }
            }
            if (seen) {
              assertEquals(Double.doubleToLongBits(leaf.grad()), Double.doubleToLongBits(last),
                  () -> "trace's last step into " + leaf.label() + ", " + where.get());
            }
          }

          // A pass from an inner node, then the output again: both as over copies.
          int inner = Math.floorMod(program.get(program.size() - 1), shared.nodes.size());
          shared.nodes.get(inner).backward();
          copied.nodes.get(inner).backward();
          assertBits(copied.gradBits(), shared, "pass from node " + inner, where);
          shared.output.backward();
          copied.output.backward();
          long[] now = copied.gradBits(); // an unreachable inner root keeps its grad 1
          assertBits(now, shared, "output after inner pass", where);

          CompiledGraph compiled = CompiledGraph.compile(shared.output);
          compiled.forwardBackward();
          for (Value v : VectorProgram.reachable(shared.output).keySet()) {
            int i = shared.nodes.indexOf(v);
            if (i < 0) {
              continue; // a leaf made inside an op
            }
            assertEquals(Double.doubleToLongBits(v.data()),
                Double.doubleToLongBits(compiled.valueOf(v)), () -> "replay value, " + where.get());
            assertEquals(now[i], Double.doubleToLongBits(compiled.gradOf(v)),
                () -> "replay grad of node " + i + ", " + where.get());
          }
          assertEquals(-1, shared.firstFlagged(), where);
        });
  }

  @Test
  void staleGraphsThrowExactlyWhenAReachableNodeReadAChangedLeaf() {
    int[] outcomes = new int[2];
    qt().withFixedSeed(SEED + 1)
        .withExamples(EXAMPLES)
        .withShrinkCycles(100)
        .forAll(PROGRAMS, POINTS)
        .checkAssert((program, point) -> {
          Supplier<String> where = () -> "program " + program + " at " + point;
          VectorProgram g = VectorProgram.build(program, point, v -> v, true);
          // The same nodes built from scratch at the leaves' final data: what every fresh
          // node must hold and receive.
          VectorProgram fresh = VectorProgram.build(program, g.leafData(), ArrayList::new, false);
          assertEquals(g.nodes.size(), fresh.nodes.size(), where);
          if (g.staleFrom(g.output)) {
            outcomes[0]++;
            assertThrows(IllegalStateException.class, g.output::backward, where);
            assertEquals(-1, g.firstFlagged(), () -> "flag left by backward, " + where.get());
            try (AnomalyDetection.Scope on = AnomalyDetection.on()) {
              assertThrows(IllegalStateException.class, g.output::backward, where);
            }
            assertEquals(-1, g.firstFlagged(), where);
            assertThrows(IllegalStateException.class, g.output::backwardAccumulate, where);
            assertEquals(-1, g.firstFlagged(), where);
            // A later pass over a fresh part of the graph must still reach every vector.
            for (int i = g.nodes.size() - 1; i >= 0; i--) {
              Value root = g.nodes.get(i);
              if (!root.isLeaf() && !g.staleFrom(root)) {
                root.backward();
                fresh.nodes.get(i).backward();
                assertReachableBits(fresh, g, root, "fresh node " + i + " after a failure",
                    where);
                break;
              }
            }
          } else {
            outcomes[1]++;
            g.output.backward();
            fresh.output.backward();
            assertEquals(Double.doubleToLongBits(fresh.output.data()),
                Double.doubleToLongBits(g.output.data()), where);
            assertReachableBits(fresh, g, g.output, "no stale node", where);
            CompiledGraph compiled = CompiledGraph.compile(g.output);
            compiled.forwardBackward();
            for (Value leaf : g.leaves) {
              if (compiled.leaves().contains(leaf)) {
                assertEquals(Double.doubleToLongBits(leaf.grad()),
                    Double.doubleToLongBits(compiled.gradOf(leaf)), where);
              }
            }
          }
          assertEquals(-1, g.firstFlagged(), where);
        });
    assertTrue(outcomes[0] > EXAMPLES / 10 && outcomes[1] > EXAMPLES / 10,
        "both outcomes must be exercised, got stale " + outcomes[0] + ", fresh " + outcomes[1]);
  }

  private static void assertBits(long[] expected, VectorProgram g, String what,
      Supplier<String> where) {
    assertEquals(expected.length, g.nodes.size());
    for (int i = 0; i < expected.length; i++) {
      int node = i;
      assertEquals(expected[i], Double.doubleToLongBits(g.nodes.get(i).grad()),
          () -> what + ", node " + node + " (" + g.nodes.get(node).op() + "), " + where.get());
    }
    assertEquals(-1, g.firstFlagged(), () -> what + ": a node is left flagged, " + where.get());
  }

  /** Compares the grads of the nodes reachable from {@code root} in {@code g} with {@code want}'s. */
  private static void assertReachableBits(VectorProgram want, VectorProgram g, Value root,
      String what, Supplier<String> where) {
    Map<Value, Boolean> reachable = VectorProgram.reachable(root);
    boolean any = false;
    for (int i = 0; i < g.nodes.size(); i++) {
      if (reachable.containsKey(g.nodes.get(i))) {
        any = true;
        int node = i;
        assertEquals(Double.doubleToLongBits(want.nodes.get(i).data()),
            Double.doubleToLongBits(g.nodes.get(i).data()),
            () -> what + ", data of node " + node + ", " + where.get());
        assertEquals(Double.doubleToLongBits(want.nodes.get(i).grad()),
            Double.doubleToLongBits(g.nodes.get(i).grad()),
            () -> what + ", grad of node " + node + ", " + where.get());
      }
    }
    assertFalse(!any, what);
  }
}
