package dev.autograd.bench;

import dev.autograd.examples.ReferenceRegression;

/**
 * One training step of the reference program's demo 2 ({@link ReferenceRegression}: linear
 * regression of {@code y = 2x + 10} on 50 points, mean squared error, plain gradient descent with
 * learning rate {@code 1e-3}), whichever way it is computed. Implementations differ only in how
 * the gradient is obtained.
 */
interface RegressionStep {
  /**
   * Computes the loss and the gradients of {@code w} and {@code b}, then moves both by {@code
   * -learningRate * grad}; returns the loss before the update (what the reference program prints).
   */
  double step();

  /** Returns the weight {@code w}. */
  double weight();

  /** Returns the bias {@code b}. */
  double bias();

  /** Returns {@code dLoss/dw} as of the last {@link #step()}. */
  double weightGrad();

  /** Returns {@code dLoss/db} as of the last {@link #step()}. */
  double biasGrad();
}
