package dev.autograd.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autograd.core.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class HingeLossTest {
  @Test
  void onlyScoresInsideTheMarginCostAndSendGradient() {
    // margins 1 - y*s: 1 - 2 = -1 -> 0; 1 - 0.5 = 0.5; 1 - (-1)(-0.5) = 0.5; mean 1/3.
    Value s0 = Value.of(2.0);
    Value s1 = Value.of(0.5);
    Value s2 = Value.of(-0.5);
    Value loss = HingeLoss.of(List.of(s0, s1, s2),
        List.of(Value.of(1.0), Value.of(1.0), Value.of(-1.0)));
    assertEquals(1.0 / 3, loss.data(), 1e-15);
    loss.backward();
    assertEquals(0.0, s0.grad());
    assertEquals(-1.0 / 3, s1.grad(), 1e-15);
    assertEquals(1.0 / 3, s2.grad(), 1e-15);
  }

  @Test
  void valueEqualsMicrogradsFormula() {
    // micrograd: sum((1 + -yi*scorei).relu() for ...) * (1.0 / len(losses))
    double[] scores = {0.73, -1.2, 0.05, 3.0};
    double[] labels = {1, 1, -1, -1};
    double expected = 0.0;
    Value[] s = new Value[4];
    Value[] y = new Value[4];
    for (int i = 0; i < 4; i++) {
      expected += Math.max(0, 1 + -labels[i] * scores[i]);
      s[i] = Value.of(scores[i]);
      y[i] = Value.of(labels[i]);
    }
    expected *= 1.0 / 4;
    assertEquals(expected, HingeLoss.of(List.of(s), List.of(y)).data(), 0.0);
  }

  @Test
  void labelsOtherThanPlusOrMinusOneAreRejectedNamingThem() {
    assertEquals("hinge labels must be -1 or +1, got targets[1]=0.0",
        assertThrows(IllegalArgumentException.class,
            () -> HingeLoss.of(List.of(Value.of(1), Value.of(1)),
                List.of(Value.of(1), Value.of(0)))).getMessage());
  }

  @Test
  void lengthMismatchEmptyAndNullsAreRejected() {
    LossContract.assertRejectsBadLists(HingeLoss::of);
  }
}
