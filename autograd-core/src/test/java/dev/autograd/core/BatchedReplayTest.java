package dev.autograd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The batched replay's arithmetic on a small graph, and its bad-input messages. */
class BatchedReplayTest {
  private final Value x = Value.of(0.0, "x");
  private final Value w = Value.of(3.0, "w");
  private final Value c = Value.of(0.5, "c");
  /** {@code (w * x + c)^2}: d/dw = 2 (w x + c) x, d/dc = 2 (w x + c). */
  private final CompiledGraph graph =
      CompiledGraph.compile(w.mul(x).add(c).pow(2), List.of(x));

  @Test
  void sumsTheOutputsAndAddsEachExamplesGradientToTheHeldGrads() {
    w.setGrad(1.0);
    double sum = BatchedReplay.of(graph, 2).accumulate(new double[][] {{1}, {2}, {-1}});
    // outputs: 3.5^2 + 6.5^2 + (-2.5)^2
    assertEquals(12.25 + 42.25 + 6.25, sum);
    assertEquals(1.0 + 7.0 + 26.0 + 5.0, w.grad());
    assertEquals(7.0 + 13.0 - 5.0, c.grad());
  }

  @Test
  void badRowsAreNamedAndChangeNoGrad() {
    BatchedReplay replay = BatchedReplay.of(graph);
    assertEquals("rows must hold at least one row, got 0",
        assertThrows(IllegalArgumentException.class, () -> replay.accumulate(new double[0][]))
            .getMessage());
    assertEquals("rows[1] has length 2, but the graph has 1 input slot(s)",
        assertThrows(IllegalArgumentException.class,
            () -> replay.accumulate(new double[][] {{1}, {1, 2}})).getMessage());
    assertEquals("rows[0] is null",
        assertThrows(NullPointerException.class,
            () -> replay.accumulate(new double[][] {null})).getMessage());
    assertEquals(0.0, w.grad());
    assertEquals(0.0, c.grad());
  }

  @Test
  void aGraphWithoutInputSlotsOrNoLanesIsRefused() {
    assertEquals("the graph has no input slots: compile it with compile(output, inputs)",
        assertThrows(IllegalArgumentException.class,
            () -> BatchedReplay.of(CompiledGraph.compile(w.mul(c)))).getMessage());
    assertEquals("lanes must be at least 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> BatchedReplay.of(graph, 0))
            .getMessage());
  }
}
