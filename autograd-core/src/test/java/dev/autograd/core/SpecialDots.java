package dev.autograd.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random arguments of {@link Value#dot} and {@link Value#dotRelu} over special numbers (signed
 * zeros, a subnormal, values near overflow, NaN and the infinities), shared by the tests that
 * check those nodes' values against the unfused nodes bit for bit.
 */
final class SpecialDots {
  /** The special numbers arguments are drawn from. */
  static final double[] SPECIAL = {
    0.0, -0.0, 1.5, -2.25, 3e-320, 1e308, -1e308, Double.NaN, Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY
  };

  /** A start and two factor lists of one length {@code n}, {@code 1 <= n <= 4}. */
  record Args(Value start, List<Value> a, List<Value> b) {}

  private SpecialDots() {}

  /** Returns a special number drawn by {@code random}. */
  static double special(Random random) {
    return SPECIAL[random.nextInt(SPECIAL.length)];
  }

  /**
   * Returns arguments drawn by {@code random}: {@code a} and {@code start} special numbers,
   * {@code b} special or Gaussian, each leaf new.
   */
  static Args draw(Random random) {
    int n = 1 + random.nextInt(4);
    List<Value> a = new ArrayList<>();
    List<Value> b = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      a.add(Value.of(special(random)));
      b.add(Value.of(random.nextBoolean() ? special(random) : random.nextGaussian()));
    }
    return new Args(Value.of(special(random)), a, b);
  }
}
