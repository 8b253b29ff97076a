package dev.autograd.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autograd.core.Value;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegularizationTest {
  @Test
  void l2IsAlphaTimesTheSumOfSquaresWithGradientTwoAlphaP() {
    Value a = Value.of(1.0);
    Value b = Value.of(-2.0);
    Value reg = Regularization.l2(List.of(a, b), 0.1);
    assertEquals(0.5, reg.data(), 1e-15);
    reg.backward();
    assertEquals(0.2, a.grad(), 1e-15);
    assertEquals(-0.4, b.grad(), 1e-15);
  }

  @Test
  void l2OfNoParametersIsZero() {
    assertEquals(0.0, Regularization.l2(List.of(), 1e-4).data());
  }

  @Test
  void badAlphaAndNullsAreRejectedNamingThem() {
    assertEquals("alpha must be non-negative and finite, got -0.1",
        assertThrows(IllegalArgumentException.class,
            () -> Regularization.l2(List.of(Value.of(1)), -0.1)).getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Regularization.l2(List.of(Value.of(1)), Double.NaN));
    assertEquals("params[1] is null", assertThrows(NullPointerException.class,
        () -> Regularization.l2(Arrays.asList(Value.of(1), null), 0.1)).getMessage());
  }
}
