package dev.autograd.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autograd.core.Value;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdamTest {
  private static final double TOL = 1e-15;

  /**
   * Two steps on {@code f(p) = p^2} from {@code p = 1}, lr 0.1, betas 0.9/0.999, eps 1e-8, worked
   * by hand (40-digit decimal arithmetic):
   *
   * <pre>
   * step 1: g = 2, m = 0.2, v = 0.004, m^ = 0.2/0.1 = 2, v^ = 0.004/0.001 = 4,
   *         p = 1 - 0.1 * 2 / (2 + 1e-8) = 0.9000000004999999975
   * step 2: g = 1.800000000999999995, m = 0.18 + 0.1800000001 = 0.3600000000999999995,
   *         v = 0.003996 + 0.001 * g^2 = 0.007236000003599999983,
   *         m^ = m / 0.19 = 1.894736842631578945, v^ = v / 0.001999 = 3.619809906753376680,
   *         p = 0.9000000005 - 0.1 * m^ / (sqrt(v^) + 1e-8) = 0.8004122286917921452
   * </pre>
   */
  @Test
  void firstTwoStepsOnAQuadraticMatchAHandCalculation() {
    Value p = Value.of(1.0);
    Adam adam = new Adam(List.of(p), 0.1);
    adam.zeroGrad();
    p.pow(2).backward();
    adam.step();
    assertEquals(0.9000000004999999975, p.data(), TOL);
    adam.zeroGrad();
    p.pow(2).backward();
    assertEquals(1.800000000999999995, p.grad(), TOL);
    adam.step();
    assertEquals(0.8004122286917921452, p.data(), TOL);
  }

  @Test
  void firstStepMovesEveryParameterByAboutTheLearningRate() {
    // Bias correction makes m^ = g and v^ = g^2 at step 1: the step is lr * g / (|g| + eps),
    // 0.01 / (1 + 1e-5) = 0.00999990000099999 for g = 1e-3, 0.01 / (1 + 1e-11) for g = -1e3.
    Value small = Value.of(0.0);
    Value large = Value.of(0.0);
    small.setGrad(1e-3);
    large.setGrad(-1e3);
    new Adam(List.of(small, large), 0.01).step();
    assertEquals(-0.00999990000099999, small.data(), TOL);
    assertEquals(0.0099999999999, large.data(), TOL);
  }

  @Test
  void customBetasAreUsed() {
    // beta1 = 0.5, beta2 = 0.5, eps = 1: step 1 with g = 3: m^ = 3, v^ = 9, p = 1 - 1 * 3 / 4.
    Value p = Value.of(1.0);
    p.setGrad(3.0);
    new Adam(List.of(p), 1.0, 0.5, 0.5, 1.0).step();
    assertEquals(0.25, p.data(), TOL);
  }

  @Test
  void invalidHyperparametersAreRejectedNamingTheValue() {
    List<Value> ps = List.of(Value.of(1.0));
    assertMessage(() -> new Adam(ps, -1.0), "learningRate", "-1.0");
    assertMessage(() -> new Adam(ps, Double.NaN), "learningRate", "NaN");
    assertMessage(() -> new Adam(ps, 0.1, 1.0, 0.999, 1e-8), "beta1", "1.0");
    assertMessage(() -> new Adam(ps, 0.1, -0.5, 0.999, 1e-8), "beta1", "-0.5");
    assertMessage(() -> new Adam(ps, 0.1, 0.9, 1.5, 1e-8), "beta2", "1.5");
    assertMessage(() -> new Adam(ps, 0.1, 0.9, 0.999, 0.0), "eps", "0.0");
    assertMessage(() -> new Adam(ps, 0.1, 0.9, 0.999, Double.POSITIVE_INFINITY), "eps",
        "Infinity");
  }

  @Test
  void nullParametersAreRejectedNamingThem() {
    assertEquals("params",
        assertThrows(NullPointerException.class, () -> new Adam(null, 0.1)).getMessage());
    assertEquals("params[0] is null",
        assertThrows(NullPointerException.class,
            () -> new Adam(Arrays.asList((Value) null), 0.1)).getMessage());
  }

  static void assertMessage(Runnable construction, String name, String value) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, construction::run);
    assertTrue(e.getMessage().contains(name) && e.getMessage().contains(value), e.getMessage());
  }

  @Test
  void toStringShowsTheSettingsAndStepCount() {
    Value p = Value.of(1.0);
    Adam adam = new Adam(List.of(p), 0.1);
    adam.step();
    assertEquals(
        "Adam(learningRate=0.1, beta1=0.9, beta2=0.999, eps=1.0E-8, 1 parameters, 1 steps)",
        adam.toString());
  }

  @Test
  void zeroBetasAreAcceptedAndMakeAStepSignGradientDescent() {
    // beta1 = beta2 = 0 (allowed: [0, 1)): m = g, v = g^2, so each step is lr * g / (|g| + eps).
    Value p = Value.of(1.0);
    Adam adam = new Adam(List.of(p), 0.1, 0.0, 0.0, 1e-8);
    p.setGrad(-4.0);
    adam.step();
    assertEquals(1.0 + 0.1 * 4.0 / (4.0 + 1e-8), p.data(), 1e-15);
  }
}
