package dev.autograd.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autograd.core.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class MseLossTest {
  @Test
  void meanOfSquaredErrorsWithGradientTwiceTheErrorOverN() {
    Value p0 = Value.of(1.0);
    Value p1 = Value.of(2.0);
    Value loss = MseLoss.of(List.of(p0, p1), List.of(Value.of(0.0), Value.of(4.0)));
    assertEquals(2.5, loss.data()); // (1 + 4) / 2
    loss.backward();
    assertEquals(1.0, p0.grad()); // 2 * (1 - 0) / 2
    assertEquals(-2.0, p1.grad()); // 2 * (2 - 4) / 2
  }

  @Test
  void graphIsTheReferenceProgramsSumOfSquaresTimesOneOverN() {
    Value p = Value.of(0.3);
    Value y = Value.of(0.1);
    Value loss = MseLoss.of(List.of(p, p, p), List.of(y, y, y));
    assertEquals("*", loss.op());
    assertEquals(1.0 / 3, loss.children().get(1).data(), 0.0);
    Value sum = loss.children().get(0);
    assertEquals("+", sum.op());
    Value lastSquare = sum.children().get(1);
    assertEquals("**2", lastSquare.op());
    assertEquals("-", lastSquare.children().get(0).op());
    double d = 0.3 - 0.1;
    assertEquals((((0.0 + Math.pow(d, 2)) + Math.pow(d, 2)) + Math.pow(d, 2)) * (1.0 / 3),
        loss.data(), 0.0);
  }

  @Test
  void lengthMismatchEmptyAndNullsAreRejected() {
    LossContract.assertRejectsBadLists(MseLoss::of);
  }
}
