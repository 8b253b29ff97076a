package dev.autograd.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autograd.core.Value;
import java.util.Arrays;
import java.util.List;

/** The argument checks every loss shares. */
final class LossContract {
  private LossContract() {}

  static void assertRejectsBadLists(Loss loss) {
    Value half = Value.of(0.5);
    Value one = Value.of(1.0);
    assertEquals("predictions and targets differ in length: 2 vs 1",
        assertThrows(IllegalArgumentException.class,
            () -> loss.of(List.of(half, half), List.of(one))).getMessage());
    assertEquals("a loss needs at least one prediction, got none",
        assertThrows(IllegalArgumentException.class,
            () -> loss.of(List.of(), List.of())).getMessage());
    assertEquals("predictions",
        assertThrows(NullPointerException.class, () -> loss.of(null, List.of(one)))
            .getMessage());
    assertEquals("targets",
        assertThrows(NullPointerException.class, () -> loss.of(List.of(half), null))
            .getMessage());
    assertEquals("predictions[1] is null",
        assertThrows(NullPointerException.class,
            () -> loss.of(Arrays.asList(half, null), List.of(one, one))).getMessage());
    assertEquals("targets[0] is null",
        assertThrows(NullPointerException.class,
            () -> loss.of(List.of(half), Arrays.asList((Value) null))).getMessage());
  }
}
