package dev.autograd.bench;

import static dev.autograd.examples.ReferenceRegression.DATA_SIZE;
import static dev.autograd.examples.ReferenceRegression.LEARNING_RATE;

import dev.autograd.examples.ReferenceRegression;

/**
 * Demo 2 with its gradient written by hand: {@code dL/dw = (2/n) sum (p_i - y_i) x_i}, {@code
 * dL/db = (2/n) sum (p_i - y_i)}, in one loop over plain doubles. The floor no engine can beat.
 */
final class HandWrittenRegression implements RegressionStep {
  private final double[] inputs = new double[DATA_SIZE];
  private final double[] targets = new double[DATA_SIZE];
  private double w;
  private double b;
  private double gradW;
  private double gradB;

  HandWrittenRegression(double w0, double b0) {
    for (int i = 0; i < DATA_SIZE; i++) {
      inputs[i] = ReferenceRegression.input(i);
      targets[i] = ReferenceRegression.target(i);
    }
    w = w0;
    b = b0;
  }

  @Override
  public double step() {
    double scale = 1.0 / DATA_SIZE;
    double total = 0.0;
    double gw = 0.0;
    double gb = 0.0;
    for (int i = 0; i < DATA_SIZE; i++) {
      double x = inputs[i];
      double residual = x * w + b - targets[i];
      total += residual * residual;
      double slope = 2.0 * residual * scale;
      gw += slope * x;
      gb += slope;
    }
    gradW = gw;
    gradB = gb;
    w -= LEARNING_RATE * gw;
    b -= LEARNING_RATE * gb;
    return total * scale;
  }

  @Override
  public double weight() {
    return w;
  }

  @Override
  public double bias() {
    return b;
  }

  @Override
  public double weightGrad() {
    return gradW;
  }

  @Override
  public double biasGrad() {
    return gradB;
  }
}
