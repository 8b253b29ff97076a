package dev.autograd.bench;

/**
 * One training step of the seed's demo 2 (linear regression of {@code y = 2x + 10} on 50 points,
 * mean squared error, plain gradient descent with learning rate {@code 1e-3}), whichever way it is
 * computed. Implementations differ only in how the gradient is obtained.
 */
interface RegressionStep {
  /** Number of data points: the seed's {@code DATA_SIZE}. */
  int SIZE = 50;

  /** The seed's {@code learning_rate}. */
  double LEARNING_RATE = 1e-3;

  /** Returns the seed's input {@code x_i = i * 0.5}. */
  static double input(int i) {
    return i * 0.5;
  }

  /** Returns the seed's target {@code 2 x_i + 10}. */
  static double target(int i) {
    return 2.0 * input(i) + 10.0;
  }

  /**
   * Computes the loss and the gradients of {@code w} and {@code b}, then moves both by {@code
   * -LEARNING_RATE * grad}; returns the loss before the update (what the seed prints).
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
