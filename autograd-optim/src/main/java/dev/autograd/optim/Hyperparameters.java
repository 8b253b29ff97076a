package dev.autograd.optim;

import static com.google.common.base.Preconditions.checkArgument;

/** Range checks on hyper-parameters, each throwing with the parameter's name and value. */
final class Hyperparameters {
  private Hyperparameters() {}

  /** Returns {@code value} if it lies in {@code [0, 1)}. */
  static double unitInterval(String name, double value) {
    checkArgument(value >= 0 && value < 1, "%s must be in [0, 1), got %s", name, value);
    return value;
  }

  /** Returns {@code value} if it is positive and finite. */
  static double positive(String name, double value) {
    checkArgument(value > 0 && value < Double.POSITIVE_INFINITY,
        "%s must be positive and finite, got %s", name, value);
    return value;
  }

  /** Returns {@code value} if it is zero or positive, and finite. */
  static double nonNegative(String name, double value) {
    checkArgument(value >= 0 && value < Double.POSITIVE_INFINITY,
        "%s must be non-negative and finite, got %s", name, value);
    return value;
  }

  /** Returns {@code value} if it is at least 1. */
  static int atLeastOne(String name, int value) {
    checkArgument(value >= 1, "%s must be at least 1, got %s", name, value);
    return value;
  }
}
