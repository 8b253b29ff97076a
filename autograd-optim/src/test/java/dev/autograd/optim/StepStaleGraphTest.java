package dev.autograd.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autograd.core.Value;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every optimizer's step changes all its parameters with one {@code Value.setData(Value[],
 * double[])}: a graph built before the step is stale through any of them, one built after is
 * fresh.
 */
class StepStaleGraphTest {

  private static void check(Function<List<Value>, Optimizer> make) {
    Value w = Value.of(0.75, "w");
    Value b = Value.of(-0.5, "b");
    Value x = Value.of(2.0, "x");
    Optimizer optimizer = make.apply(List.of(w, b));
    Value before = x.mul(w).add(b).tanh();
    Value onlyB = b.mul(b);
    before.backward();
    double w0 = w.data();
    optimizer.step();
    assertTrue(w.data() != w0, optimizer + " moved w");
    IllegalStateException e = assertThrows(IllegalStateException.class, before::backward);
    assertTrue(e.getMessage().startsWith("stale graph"), e.getMessage());
    assertThrows(IllegalStateException.class, onlyB::backward, "through b alone");
    Value after = x.mul(w).add(b);
    after.backward();
    assertEquals(2.0, w.grad(), 0.0);
  }

  @Test
  void sgd() {
    check(params -> new Sgd(params, 0.1));
  }

  @Test
  void sgdWithNesterovMomentum() {
    check(params -> new Sgd(params, 0.1, Momentum.NESTEROV, 0.9));
  }

  @Test
  void adam() {
    check(params -> new Adam(params, 0.1));
  }

  @Test
  void adamW() {
    check(params -> new AdamW(params, 0.1, 0.9, 0.999, 1e-8, 0.01));
  }
}
