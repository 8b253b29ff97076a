package dev.autograd.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autograd.core.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {
  @Test
  void stepDecayMultipliesByTheFactorEveryPeriod() {
    LearningRateSchedule s = LearningRateSchedule.stepDecay(0.1, 0.5, 10);
    assertEquals(0.1, s.rate(0));
    assertEquals(0.1, s.rate(9));
    assertEquals(0.05, s.rate(10), 1e-17);
    assertEquals(0.025, s.rate(25), 1e-17);
  }

  @Test
  void linearDecayIsMicrogradsMoonsScheduleThenStaysAtTheLastRate() {
    LearningRateSchedule s = LearningRateSchedule.linearDecay(1.0, 0.1, 100);
    for (int k = 0; k < 100; k++) {
      assertEquals(1.0 - 0.9 * k / 100, s.rate(k), 1e-15, "step " + k);
    }
    assertEquals(0.1, s.rate(100), 1e-15);
    assertEquals(0.1, s.rate(1000), 1e-15);
  }

  @Test
  void linearDecayReachesItsEndValueExactly() {
    LearningRateSchedule s = LearningRateSchedule.linearDecay(1, 0.1, 10);
    assertEquals(0.1, s.rate(10), 0.0);
    assertEquals(0.1, s.rate(1000), 0.0);
    assertEquals(0.1, s.rate(Integer.MAX_VALUE), 0.0);
    assertEquals(0.19, s.rate(9), 1e-15);
  }

  @Test
  void oneStepLinearDecayJumpsToTheLastRate() {
    LearningRateSchedule s = LearningRateSchedule.linearDecay(1.0, 0.5, 1);
    assertEquals(1.0, s.rate(0));
    assertEquals(0.5, s.rate(1));
  }

  @Test
  void linearDecayMayAlsoRise() {
    LearningRateSchedule warmUp = LearningRateSchedule.linearDecay(0.01, 0.1, 9);
    assertEquals(0.05, warmUp.rate(4), 1e-15);
  }

  @Test
  void scheduleDrivesAnOptimizersLearningRate() {
    Sgd sgd = new Sgd(List.of(Value.of(1.0)), 1.0);
    LearningRateSchedule s = LearningRateSchedule.stepDecay(1.0, 0.1, 1);
    sgd.setLearningRate(s.rate(2));
    assertEquals(0.01, sgd.learningRate(), 1e-17);
  }

  @Test
  void invalidArgumentsAreRejectedNamingThem() {
    assertEquals("initial must be positive and finite, got 0.0",
        assertThrows(IllegalArgumentException.class,
            () -> LearningRateSchedule.stepDecay(0.0, 0.5, 1)).getMessage());
    assertEquals("factor must be positive and finite, got -0.5",
        assertThrows(IllegalArgumentException.class,
            () -> LearningRateSchedule.stepDecay(0.1, -0.5, 1)).getMessage());
    assertEquals("every must be at least 1, got 0",
        assertThrows(IllegalArgumentException.class,
            () -> LearningRateSchedule.stepDecay(0.1, 0.5, 0)).getMessage());
    assertEquals("last must be positive and finite, got 0.0",
        assertThrows(IllegalArgumentException.class,
            () -> LearningRateSchedule.linearDecay(0.1, 0.0, 10)).getMessage());
    assertEquals("steps must be at least 1, got 0",
        assertThrows(IllegalArgumentException.class,
            () -> LearningRateSchedule.linearDecay(0.1, 0.01, 0)).getMessage());
    assertEquals("step must be non-negative, got -1",
        assertThrows(IllegalArgumentException.class,
            () -> LearningRateSchedule.linearDecay(0.1, 0.01, 5).rate(-1)).getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> LearningRateSchedule.stepDecay(0.1, 0.5, 3).rate(-1));
  }
}
