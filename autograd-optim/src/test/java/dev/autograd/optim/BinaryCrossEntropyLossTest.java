package dev.autograd.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autograd.core.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class BinaryCrossEntropyLossTest {
  @Test
  void meanNegativeLogLikelihoodOfTheTargets() {
    Value p0 = Value.of(0.8);
    Value p1 = Value.of(0.3);
    Value loss = BinaryCrossEntropyLoss.of(List.of(p0, p1), List.of(Value.of(1), Value.of(0)));
    assertEquals(-(Math.log(0.8) + Math.log(0.7)) / 2, loss.data(), 1e-15);
    loss.backward();
    // d/dp = -(y/p - (1-y)/(1-p)) / n
    assertEquals(-1 / 0.8 / 2, p0.grad(), 1e-15);
    assertEquals(1 / 0.7 / 2, p1.grad(), 1e-15);
  }

  @Test
  void softTargetsAreAllowed() {
    Value p = Value.of(0.5);
    Value loss = BinaryCrossEntropyLoss.of(List.of(p), List.of(Value.of(0.25)));
    assertEquals(Math.log(2), loss.data(), 1e-15);
  }

  @Test
  void predictionsOutsideTheOpenUnitIntervalAreRejectedNamingThem() {
    for (double bad : new double[] {0.0, 1.0, -0.1, 1.5, Double.NaN}) {
      assertEquals("predictions[0] must be a probability in (0, 1), got " + bad,
          assertThrows(IllegalArgumentException.class,
              () -> BinaryCrossEntropyLoss.of(List.of(Value.of(bad)), List.of(Value.of(1))))
              .getMessage());
    }
    assertEquals("targets[0] must be in [0, 1], got 2.0",
        assertThrows(IllegalArgumentException.class,
            () -> BinaryCrossEntropyLoss.of(List.of(Value.of(0.5)), List.of(Value.of(2))))
            .getMessage());
  }

  @Test
  void lengthMismatchEmptyAndNullsAreRejected() {
    LossContract.assertRejectsBadLists(BinaryCrossEntropyLoss::of);
  }
}
