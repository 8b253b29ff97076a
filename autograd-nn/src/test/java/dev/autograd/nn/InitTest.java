package dev.autograd.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class InitTest {
  @Test
  void uniformIsTheSeedsUniformMinusOneToOne() {
    Random expected = new Random(42);
    Random actual = new Random(42);
    for (int k = 0; k < 100; k++) {
      assertEquals(-1 + 2 * expected.nextDouble(), Init.UNIFORM.sample(actual, 7, 3), 0.0);
    }
  }

  @Test
  void xavierAndHeStayWithinTheirLimits() {
    Random r = new Random(1);
    double xavier = Math.sqrt(6.0 / (8 + 4));
    double he = Math.sqrt(6.0 / 8);
    double maxXavier = 0;
    double maxHe = 0;
    for (int k = 0; k < 10_000; k++) {
      maxXavier = Math.max(maxXavier, Math.abs(Init.XAVIER.sample(r, 8, 4)));
      maxHe = Math.max(maxHe, Math.abs(Init.HE.sample(r, 8, 4)));
    }
    assertTrue(maxXavier <= xavier && maxXavier > 0.99 * xavier, "xavier max " + maxXavier);
    assertTrue(maxHe <= he && maxHe > 0.99 * he, "he max " + maxHe);
  }

  @Test
  void everySchemeScalesOneNextDouble() {
    for (Init init : Init.values()) {
      Random expected = new Random(7);
      Random actual = new Random(7);
      double u = expected.nextDouble();
      double limit = init == Init.UNIFORM ? 1.0 : init == Init.XAVIER ? 1.0 : Math.sqrt(6.0 / 3);
      assertEquals(-limit + 2 * limit * u, init.sample(actual, 3, 3), 1e-15, init.name());
      assertEquals(expected.nextDouble(), actual.nextDouble(), 0.0, init + " drew one double");
    }
  }

  @Test
  void fanBelowOneIsRejectedNamingBothFans() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Init.HE.sample(new Random(), 0, 2));
    assertEquals("fanIn and fanOut must be at least 1, got fanIn=0, fanOut=2", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Init.XAVIER.sample(new Random(), 2, 0));
    assertThrows(NullPointerException.class, () -> Init.UNIFORM.sample(null, 1, 1));
  }
}
