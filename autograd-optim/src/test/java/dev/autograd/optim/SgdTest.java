package dev.autograd.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autograd.core.Value;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SgdTest {
  private static final double TOL = 1e-15;

  @Test
  void plainStepIsTheReferenceProgramsUpdateBitForBit() {
    Value w = Value.of(0.25);
    Value b = Value.of(-0.5);
    w.setGrad(-47.4453125);
    b.setGrad(0.1234567);
    new Sgd(List.of(w, b), 1e-3).step();
    assertEquals(0.25 - 1e-3 * -47.4453125, w.data(), 0.0);
    assertEquals(-0.5 - 1e-3 * 0.1234567, b.data(), 0.0);
  }

  @Test
  void plainStepOnAQuadraticMovesAgainstTheGradient() {
    Value p = Value.of(1.0);
    Sgd sgd = new Sgd(List.of(p), 0.1);
    p.pow(2).backward(); // grad 2
    sgd.step();
    assertEquals(0.8, p.data(), TOL);
    p.pow(2).backward(); // grad 1.6
    sgd.step();
    assertEquals(0.64, p.data(), TOL);
  }

  @Test
  void momentumStartsTheBufferAtTheFirstGradientThenAccumulates() {
    // Hand calculation, mu = 0.9, lr = 0.1, grads 2 then 1:
    // step 1: v = 2, p = 1 - 0.1 * 2 = 0.8; step 2: v = 0.9 * 2 + 1 = 2.8, p = 0.8 - 0.28 = 0.52.
    Value p = Value.of(1.0);
    Sgd sgd = new Sgd(List.of(p), 0.1, Momentum.CLASSICAL, 0.9);
    p.setGrad(2.0);
    sgd.step();
    assertEquals(0.8, p.data(), TOL);
    p.setGrad(1.0);
    sgd.step();
    assertEquals(0.52, p.data(), TOL);
  }

  @Test
  void nesterovLooksAheadAlongTheBuffer() {
    // Hand calculation, mu = 0.9, lr = 0.1, grads 2 then 1:
    // step 1: v = 2, update 2 + 0.9 * 2 = 3.8, p = 1 - 0.38 = 0.62;
    // step 2: v = 1.8 + 1 = 2.8, update 1 + 0.9 * 2.8 = 3.52, p = 0.62 - 0.352 = 0.268.
    Value p = Value.of(1.0);
    Sgd sgd = new Sgd(List.of(p), 0.1, Momentum.NESTEROV, 0.9);
    p.setGrad(2.0);
    sgd.step();
    assertEquals(0.62, p.data(), TOL);
    p.setGrad(1.0);
    sgd.step();
    assertEquals(0.268, p.data(), TOL);
  }

  @Test
  void momentumNoneIsPlainSgd() {
    Value a = Value.of(3.0);
    Value b = Value.of(3.0);
    Sgd plain = new Sgd(List.of(a), 0.01);
    Sgd viaMomentum = new Sgd(List.of(b), 0.01, Momentum.NONE, 0.0);
    for (int k = 0; k < 3; k++) {
      a.setGrad(k + 0.5);
      b.setGrad(k + 0.5);
      plain.step();
      viaMomentum.step();
    }
    assertEquals(a.data(), b.data(), 0.0);
  }

  @Test
  void zeroGradClearsEveryParameterGrad() {
    Value a = Value.of(1.0);
    Value b = Value.of(2.0);
    a.setGrad(3.0);
    b.setGrad(4.0);
    new Sgd(List.of(a, b), 0.1).zeroGrad();
    assertEquals(0.0, a.grad());
    assertEquals(0.0, b.grad());
  }

  @Test
  void setLearningRateChangesTheNextStep() {
    Value p = Value.of(1.0);
    Sgd sgd = new Sgd(List.of(p), 0.1);
    sgd.setLearningRate(0.5);
    assertEquals(0.5, sgd.learningRate());
    p.setGrad(1.0);
    sgd.step();
    assertEquals(0.5, p.data(), TOL);
  }

  @Test
  void parametersAreAnUnmodifiableCopyInTheGivenOrder() {
    Value a = Value.of(1.0);
    Value b = Value.of(2.0);
    List<Value> given = Arrays.asList(a, b);
    Sgd sgd = new Sgd(given, 0.1);
    given.set(0, b);
    assertEquals(List.of(a, b), sgd.parameters());
    assertThrows(UnsupportedOperationException.class, () -> sgd.parameters().add(a));
  }

  @Test
  void invalidHyperparametersAreRejectedNamingTheValue() {
    List<Value> ps = List.of(Value.of(1.0));
    for (double lr : new double[] {0.0, -0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> new Sgd(ps, lr));
      assertEquals("learningRate must be positive and finite, got " + lr, e.getMessage());
    }
    for (Momentum kind : List.of(Momentum.CLASSICAL, Momentum.NESTEROV)) {
      for (double mu : new double[] {0.0, -0.1, 1.0, Double.NaN}) {
        IllegalArgumentException e =
            assertThrows(IllegalArgumentException.class, () -> new Sgd(ps, 0.1, kind, mu));
        assertEquals("the coefficient of Momentum." + kind + " must be in (0, 1), got " + mu,
            e.getMessage());
      }
    }
    IllegalArgumentException none =
        assertThrows(IllegalArgumentException.class, () -> new Sgd(ps, 0.1, Momentum.NONE, 0.9));
    assertEquals("Momentum.NONE takes coefficient 0, got 0.9", none.getMessage());
    NullPointerException nullKind =
        assertThrows(NullPointerException.class, () -> new Sgd(ps, 0.1, null, 0.9));
    assertEquals("momentum", nullKind.getMessage());
    Sgd sgd = new Sgd(ps, 0.1);
    assertThrows(IllegalArgumentException.class, () -> sgd.setLearningRate(0.0));
    assertEquals(0.1, sgd.learningRate());
  }

  @Test
  void nullParametersAreRejectedNamingThem() {
    NullPointerException list =
        assertThrows(NullPointerException.class, () -> new Sgd(null, 0.1));
    assertEquals("params", list.getMessage());
    NullPointerException element =
        assertThrows(NullPointerException.class,
            () -> new Sgd(Arrays.asList(Value.of(1.0), null), 0.1));
    assertEquals("params[1] is null", element.getMessage());
  }

  @Test
  void toStringShowsTheSettings() {
    Sgd sgd = new Sgd(List.of(Value.of(1.0), Value.of(2.0)), 0.001, Momentum.NESTEROV, 0.9);
    assertEquals(Momentum.NESTEROV, sgd.momentum());
    assertEquals(0.9, sgd.momentumCoefficient());
    assertEquals("Sgd(learningRate=0.001, momentum=NESTEROV 0.9, 2 parameters)", sgd.toString());
    Sgd plain = new Sgd(List.of(Value.of(1.0)), 0.5);
    assertEquals(Momentum.NONE, plain.momentum());
    assertEquals(0.0, plain.momentumCoefficient());
    assertEquals("Sgd(learningRate=0.5, momentum=NONE, 1 parameters)", plain.toString());
  }
}
