package dev.autograd.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autograd.core.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaeLossTest {
  @Test
  void meanOfAbsoluteErrorsWithGradientSignOverN() {
    Value p0 = Value.of(1.0);
    Value p1 = Value.of(2.0);
    Value p2 = Value.of(3.0);
    Value loss =
        MaeLoss.of(List.of(p0, p1, p2), List.of(Value.of(0.0), Value.of(4.0), Value.of(3.0)));
    assertEquals(1.0, loss.data(), 1e-15); // (1 + 2 + 0) / 3
    loss.backward();
    assertEquals(1.0 / 3, p0.grad(), 1e-15);
    assertEquals(-1.0 / 3, p1.grad(), 1e-15);
    assertEquals(0.0, p2.grad()); // exact fit: zero gradient, not NaN
  }

  @Test
  void lengthMismatchEmptyAndNullsAreRejected() {
    LossContract.assertRejectsBadLists(MaeLoss::of);
  }
}
