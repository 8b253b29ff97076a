package dev.autograd.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autograd.core.Value;
import org.junit.jupiter.api.Test;

class ActivationTest {
  @Test
  void linearReturnsItsInputNodeItself() {
    Value v = Value.of(-3.0);
    assertSame(v, Activation.LINEAR.apply(v));
  }

  @Test
  void eachNonlinearityUsesTheMatchingCoreOp() {
    Value v = Value.of(-0.5);
    assertEquals("relu", Activation.RELU.apply(v).op());
    assertEquals(0.0, Activation.RELU.apply(v).data());
    assertEquals("tanh", Activation.TANH.apply(v).op());
    assertEquals(Math.tanh(-0.5), Activation.TANH.apply(v).data());
    assertEquals("sigmoid", Activation.SIGMOID.apply(v).op());
    assertEquals(1 / (1 + Math.exp(0.5)), Activation.SIGMOID.apply(v).data(), 1e-15);
  }

  @Test
  void everyActivationRejectsNull() {
    for (Activation a : Activation.values()) {
      assertThrows(NullPointerException.class, () -> a.apply(null), a.name());
    }
  }
}
