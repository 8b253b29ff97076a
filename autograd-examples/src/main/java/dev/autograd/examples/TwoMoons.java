package dev.autograd.examples;

import java.util.Random;

/**
 * The two-moons data set of scikit-learn's {@code make_moons}: half the points on the upper moon
 * {@code (cos t, sin t)}, labelled -1, half on the lower moon {@code (1 - cos t, 0.5 - sin t)},
 * labelled +1, with {@code t} evenly spaced over {@code [0, pi]}, plus Gaussian noise on both
 * coordinates. Not shuffled: the demo trains on the whole batch.
 *
 * @param x the points, {@code x[i] = {x1, x2}}
 * @param y the labels, -1 or +1
 */
record TwoMoons(double[][] x, double[] y) {

  /**
   * Returns {@code n} points ({@code n / 2} on the upper moon, the rest on the lower) with noise of
   * standard deviation {@code noise}, drawn from {@code random}.
   *
   * @throws IllegalArgumentException if {@code n < 2} or {@code noise} is negative or not finite
   */
  static TwoMoons generate(int n, double noise, Random random) {
    if (n < 2) {
      throw new IllegalArgumentException("n must be at least 2, got " + n);
    }
    if (!(noise >= 0) || Double.isInfinite(noise)) {
      throw new IllegalArgumentException("noise must be finite and >= 0, got " + noise);
    }
    int upper = n / 2;
    int lower = n - upper;
    double[][] x = new double[n][];
    double[] y = new double[n];
    for (int i = 0; i < upper; i++) {
      double t = angle(i, upper);
      x[i] = new double[] {Math.cos(t), Math.sin(t)};
      y[i] = -1;
    }
    for (int i = 0; i < lower; i++) {
      double t = angle(i, lower);
      x[upper + i] = new double[] {1 - Math.cos(t), 0.5 - Math.sin(t)};
      y[upper + i] = 1;
    }
    for (double[] point : x) {
      point[0] += noise * random.nextGaussian();
      point[1] += noise * random.nextGaussian();
    }
    return new TwoMoons(x, y);
  }

  /** Returns the {@code i}-th of {@code count} angles evenly spaced from 0 to pi inclusive. */
  private static double angle(int i, int count) {
    return count == 1 ? 0 : Math.PI * i / (count - 1);
  }

  /** Returns the number of points. */
  int size() {
    return y.length;
  }
}
