package dev.autograd.optim;

import static dev.autograd.optim.AdamTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autograd.core.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdamWTest {
  private static final double TOL = 1e-15;

  /**
   * Two steps on {@code f(p) = p^2} from {@code p = 1}, lr 0.1, weight decay 0.1, default betas,
   * worked by hand (40-digit decimal arithmetic). The grad is taken before the step; the decay
   * {@code p -= 0.1 * 0.1 * p} comes first and does not enter the moments:
   *
   * <pre>
   * step 1: g = 2, p = 0.99, then the Adam step of 0.0999999995: p = 0.8900000004999999975
   * step 2: g = 1.780000000999999995, p = 0.8900000005 * 0.99 = 0.881100000495,
   *         m = 0.3580000000999999995, v = 0.007164400003559999983,
   *         m^ = 1.884210526842105261, v^ = 3.583991997778889436,
   *         p = 0.881100000495 - 0.1 * m^ / (sqrt(v^) + 1e-8) = 0.7815718559365041336
   * </pre>
   */
  @Test
  void firstTwoStepsOnAQuadraticMatchAHandCalculation() {
    Value p = Value.of(1.0);
    AdamW adamW = new AdamW(List.of(p), 0.1, 0.1);
    p.pow(2).backward();
    adamW.step();
    assertEquals(0.8900000004999999975, p.data(), TOL);
    p.pow(2).backward();
    adamW.step();
    assertEquals(0.7815718559365041336, p.data(), TOL);
  }

  @Test
  void zeroWeightDecayIsAdamBitForBit() {
    Value a = Value.of(1.5);
    Value b = Value.of(1.5);
    Adam adam = new Adam(List.of(a), 0.05);
    AdamW adamW = new AdamW(List.of(b), 0.05, 0.0);
    for (int k = 0; k < 5; k++) {
      a.pow(3).backward();
      b.pow(3).backward();
      adam.step();
      adamW.step();
      assertEquals(a.data(), b.data(), 0.0);
    }
  }

  @Test
  void decayShrinksAParameterWithZeroGradient() {
    // g = 0 keeps m = v = 0, so only the decay acts: p = 2 - 0.1 * 0.5 * 2 = 1.9.
    Value p = Value.of(2.0);
    new AdamW(List.of(p), 0.1, 0.5).step();
    assertEquals(1.9, p.data(), TOL);
  }

  @Test
  void defaultWeightDecayIsPyTorchs() {
    assertEquals(0.01, new AdamW(List.of(Value.of(1.0)), 0.1).weightDecay());
  }

  @Test
  void invalidHyperparametersAreRejectedNamingTheValue() {
    List<Value> ps = List.of(Value.of(1.0));
    assertMessage(() -> new AdamW(ps, 0.1, -0.01), "weightDecay", "-0.01");
    assertMessage(() -> new AdamW(ps, 0.1, Double.NaN), "weightDecay", "NaN");
    assertMessage(() -> new AdamW(ps, 0.0, 0.01), "learningRate", "0.0");
    assertMessage(() -> new AdamW(ps, 0.1, 0.9, 1.0, 1e-8, 0.01), "beta2", "1.0");
    assertMessage(() -> new AdamW(ps, 0.1, 0.9, 0.999, -1e-8, 0.01), "eps", "-1.0E-8");
    assertThrows(NullPointerException.class, () -> new AdamW(null, 0.1, 0.01));
  }

  @Test
  void toStringShowsTheSettingsAndStepCount() {
    AdamW adamW = new AdamW(List.of(Value.of(1.0)), 0.1, 0.05);
    assertEquals("AdamW(learningRate=0.1, weightDecay=0.05, beta1=0.9, beta2=0.999, eps=1.0E-8, "
        + "1 parameters, 0 steps)", adamW.toString());
  }
}
