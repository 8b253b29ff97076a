package dev.autograd.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autograd.core.Value;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 13's tied-weight rows, one test each: every entry point that takes a parameter list treats
 * a node listed twice as one parameter (deduplicated by identity, first-seen order kept), and
 * rejects a node that an operation made.
 */
class TiedWeightsTest {
  private static final double TOL = 1e-15;

  /** A leaf with data 1 and grad 5, the example. */
  private static Value w() {
    Value w = Value.of(1.0, "w");
    w.setGrad(5.0);
    return w;
  }

  @Test
  void sgdMovesATiedWeightOnce() {
    Value w = w();
    new Sgd(List.of(w, w), 0.1).step();
    assertEquals(0.5, w.data(), TOL);
  }

  @Test
  void sgdWithMomentumKeepsOneBufferForATiedWeight() {
    for (Momentum kind : List.of(Momentum.CLASSICAL, Momentum.NESTEROV)) {
      Value tied = w();
      Value single = w();
      Sgd twice = new Sgd(List.of(tied, tied), 0.1, kind, 0.9);
      Sgd once = new Sgd(List.of(single), 0.1, kind, 0.9);
      for (int k = 0; k < 3; k++) {
        twice.step();
        once.step();
      }
      assertEquals(single.data(), tied.data(), 0.0, kind.toString());
    }
  }

  @Test
  void adamKeepsOneMomentSlotAndMovesATiedWeightOnce() {
    Value w = w();
    new Adam(List.of(w, w), 0.1).step();
    // m = 0.5, v = 0.025: mHat = 5, vHat = 25, step 0.1 * 5 / (5 + 1e-8).
    assertEquals(1 - 0.1 * 5 / (5 + 1e-8), w.data(), TOL);
    assertEquals(0.9000000002, w.data(), 1e-12);
  }

  @Test
  void adamWDecaysAndMovesATiedWeightOnce() {
    Value tied = w();
    Value single = w();
    AdamW twice = new AdamW(List.of(tied, tied), 0.1, 0.5);
    AdamW once = new AdamW(List.of(single), 0.1, 0.5);
    twice.step();
    once.step();
    assertEquals(single.data(), tied.data(), 0.0);
    assertEquals(1 - 0.1 * 0.5 - 0.1 * 5 / (5 + 1e-8), tied.data(), TOL);
  }

  @Test
  void optimizersListATiedWeightOnceInFirstSeenOrder() {
    Value w = w();
    Value b = Value.of(2.0, "b");
    for (Optimizer o : List.of(new Sgd(List.of(w, b, w), 0.1), new Adam(List.of(w, b, w), 0.1),
        new AdamW(List.of(w, b, w), 0.1))) {
      assertEquals(2, o.parameters().size(), o.toString());
      assertSame(w, o.parameters().get(0));
      assertSame(b, o.parameters().get(1));
    }
  }

  @Test
  void optimizerZeroGradClearsATiedWeight() {
    Value w = w();
    new Adam(List.of(w, w), 0.1).zeroGrad();
    assertEquals(0.0, w.grad());
  }

  @Test
  void clippingCountsATiedGradientOnce() {
    Value w = Value.of(0.0);
    Value b = Value.of(0.0);
    w.setGrad(4.0);
    b.setGrad(3.0);
    assertEquals(5.0, GradientClipping.clipByNorm(List.of(w, b, b), 1.0), TOL);
    assertEquals(0.8, w.grad(), TOL);
    assertEquals(0.6, b.grad(), TOL);
  }

  @Test
  void regularisationPenalisesATiedWeightOnce() {
    Value w = Value.of(3.0);
    Value penalty = Regularization.l2(List.of(w, w), 0.5);
    assertEquals(4.5, penalty.data(), TOL);
    penalty.backward();
    assertEquals(3.0, w.grad(), TOL);
  }

  static Stream<Function<List<Value>, Object>> entryPoints() {
    return Stream.of(
        params -> new Sgd(params, 0.1),
        params -> new Sgd(params, 0.1, Momentum.NESTEROV, 0.9),
        params -> new Adam(params, 0.1),
        params -> new AdamW(params, 0.1),
        params -> GradientClipping.clipByNorm(params, 1.0),
        params -> Regularization.l2(params, 0.1));
  }

  @ParameterizedTest
  @MethodSource("entryPoints")
  void aNonLeafParameterIsRejectedNamingItsPositionAndOp(Function<List<Value>, Object> entry) {
    Value w = w();
    Value doubled = w.mul(2.0);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> entry.apply(List.of(w, doubled)));
    assertEquals("params[1] must be a leaf, but was made by op '*'", e.getMessage());
    assertEquals(1.0, w.data());
    assertEquals(5.0, w.grad());
  }
}
