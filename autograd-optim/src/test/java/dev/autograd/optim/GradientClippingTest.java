package dev.autograd.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autograd.core.Value;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradientClippingTest {
  @Test
  void gradsAboveTheMaxNormAreScaledDownToIt() {
    Value a = Value.of(0.0);
    Value b = Value.of(0.0);
    a.setGrad(3.0);
    b.setGrad(-4.0);
    assertEquals(5.0, GradientClipping.clipByNorm(List.of(a, b), 1.0));
    assertEquals(0.6, a.grad(), 1e-15);
    assertEquals(-0.8, b.grad(), 1e-15);
    assertEquals(1.0, Math.hypot(a.grad(), b.grad()), 1e-15);
  }

  @Test
  void gradsWithinTheMaxNormAreLeftAlone() {
    Value a = Value.of(0.0);
    a.setGrad(-0.5);
    assertEquals(0.5, GradientClipping.clipByNorm(List.of(a), 0.5));
    assertEquals(-0.5, a.grad());
  }

  @Test
  void nonFiniteNormIsReturnedAndGradsAreLeftAlone() {
    Value a = Value.of(0.0);
    Value b = Value.of(0.0);
    a.setGrad(Double.NaN);
    b.setGrad(2.0);
    assertEquals(Double.NaN, GradientClipping.clipByNorm(List.of(a, b), 1.0));
    assertEquals(2.0, b.grad());
    b.setGrad(Double.POSITIVE_INFINITY);
    a.setGrad(1.0);
    assertEquals(Double.POSITIVE_INFINITY, GradientClipping.clipByNorm(List.of(a, b), 1.0));
    assertEquals(1.0, a.grad());
  }

  @Test
  void hugeGradsDoNotOverflowTheNormAndAreClipped() {
    Value a = Value.of(0.0);
    Value b = Value.of(0.0);
    a.setGrad(1e200);
    b.setGrad(1e200);
    assertEquals(Math.sqrt(2) * 1e200, GradientClipping.clipByNorm(List.of(a, b), 1.0), 1e185);
    assertEquals(Math.sqrt(0.5), a.grad(), 1e-15);
    assertEquals(Math.sqrt(0.5), b.grad(), 1e-15);
  }

  @Test
  void finiteGradsWhoseNormExceedsTheLargestDoubleAreStillClipped() {
    Value a = Value.of(0.0);
    Value b = Value.of(0.0);
    a.setGrad(Double.MAX_VALUE);
    b.setGrad(-Double.MAX_VALUE);
    assertEquals(Double.POSITIVE_INFINITY, GradientClipping.clipByNorm(List.of(a, b), 2.0));
    assertEquals(Math.sqrt(2), a.grad(), 1e-15);
    assertEquals(-Math.sqrt(2), b.grad(), 1e-15);
  }

  @Test
  void tinyGradsDoNotUnderflowTheNorm() {
    Value a = Value.of(0.0);
    Value b = Value.of(0.0);
    a.setGrad(3e-200);
    b.setGrad(4e-200);
    assertEquals(5e-200, GradientClipping.clipByNorm(List.of(a, b), 1.0), 1e-214);
    assertEquals(3e-200, a.grad());
  }

  @Test
  void zeroGradsHaveNormZero() {
    Value a = Value.of(0.0);
    assertEquals(0.0, GradientClipping.clipByNorm(List.of(a), 1.0));
    assertEquals(0.0, a.grad());
  }

  @Test
  void badMaxNormAndNullsAreRejectedNamingThem() {
    assertEquals("maxNorm must be positive and finite, got 0.0",
        assertThrows(IllegalArgumentException.class,
            () -> GradientClipping.clipByNorm(List.of(Value.of(1)), 0.0)).getMessage());
    assertEquals("params[0] is null", assertThrows(NullPointerException.class,
        () -> GradientClipping.clipByNorm(Arrays.asList((Value) null), 1.0)).getMessage());
  }
}
