package dev.autograd.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TwoMoonsTest {

  @Test
  void withoutNoiseHalfThePointsLieOnEachMoonWithTheirLabels() {
    TwoMoons moons = TwoMoons.generate(100, 0.0, new Random(1));
    assertEquals(100, moons.size());
    for (int i = 0; i < 100; i++) {
      double[] p = moons.x()[i];
      if (i < 50) {
        assertEquals(-1.0, moons.y()[i], 0.0);
        assertEquals(1.0, Math.hypot(p[0], p[1]), 1e-12, "upper moon: unit circle");
        assertTrue(p[1] >= -1e-12, "upper half");
      } else {
        assertEquals(1.0, moons.y()[i], 0.0);
        assertEquals(1.0, Math.hypot(p[0] - 1, p[1] - 0.5), 1e-12, "lower moon: circle at (1, .5)");
        assertTrue(p[1] <= 0.5 + 1e-12, "lower half");
      }
    }
    assertArrayEquals(new double[] {1, 0}, moons.x()[0], 1e-12);
    assertArrayEquals(new double[] {-1, 0}, moons.x()[49], 1e-12);
    assertArrayEquals(new double[] {0, 0.5}, moons.x()[50], 1e-12);
    assertArrayEquals(new double[] {2, 0.5}, moons.x()[99], 1e-12);
  }

  @Test
  void noiseMovesPointsByGaussianAmountsOfTheGivenSize() {
    TwoMoons clean = TwoMoons.generate(1000, 0.0, new Random(3));
    TwoMoons noisy = TwoMoons.generate(1000, 0.1, new Random(3));
    double sumSquares = 0;
    for (int i = 0; i < 1000; i++) {
      for (int d = 0; d < 2; d++) {
        double delta = noisy.x()[i][d] - clean.x()[i][d];
        sumSquares += delta * delta;
      }
    }
    double sd = Math.sqrt(sumSquares / 2000);
    assertEquals(0.1, sd, 0.01, "sample standard deviation of the noise");
  }

  @Test
  void theSameSeedGivesTheSamePoints() {
    TwoMoons a = TwoMoons.generate(10, 0.1, new Random(5));
    TwoMoons b = TwoMoons.generate(10, 0.1, new Random(5));
    for (int i = 0; i < 10; i++) {
      assertArrayEquals(a.x()[i], b.x()[i], 0.0);
    }
  }

  @Test
  void rejectsTooFewPointsAndBadNoiseNamingTheValue() {
    assertEquals("n must be at least 2, got 1",
        assertThrows(IllegalArgumentException.class,
            () -> TwoMoons.generate(1, 0.1, new Random())).getMessage());
    assertEquals("noise must be finite and >= 0, got -0.5",
        assertThrows(IllegalArgumentException.class,
            () -> TwoMoons.generate(10, -0.5, new Random())).getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> TwoMoons.generate(10, Double.NaN, new Random()));
  }
}
