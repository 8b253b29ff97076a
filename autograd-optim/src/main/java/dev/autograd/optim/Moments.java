package dev.autograd.optim;

import dev.autograd.core.Value;
import java.util.List;

/** Adam's state and update, shared by {@link Adam} and {@link AdamW}. */
final class Moments {
  private final double beta1;
  private final double beta2;
  private final double eps;
  private final double[] m;
  private final double[] v;
  private long t;

  Moments(int size, double beta1, double beta2, double eps) {
    this.beta1 = Hyperparameters.unitInterval("beta1", beta1);
    this.beta2 = Hyperparameters.unitInterval("beta2", beta2);
    this.eps = Hyperparameters.positive("eps", eps);
    this.m = new double[size];
    this.v = new double[size];
  }

  /**
   * One Adam step on {@code params}: {@code m = b1 m + (1-b1) g}, {@code v = b2 v + (1-b2) g^2},
   * {@code p -= learningRate * (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)}.
   */
  void step(List<Value> params, double learningRate) {
    t++;
    double correction1 = 1 - Math.pow(beta1, t);
    double correction2 = 1 - Math.pow(beta2, t);
    for (int i = 0; i < params.size(); i++) {
      Value p = params.get(i);
      double g = p.grad();
      m[i] = beta1 * m[i] + (1 - beta1) * g;
      v[i] = beta2 * v[i] + (1 - beta2) * g * g;
      double mHat = m[i] / correction1;
      double vHat = v[i] / correction2;
      p.setData(p.data() - learningRate * mHat / (Math.sqrt(vHat) + eps));
    }
  }

  /** Returns {@code beta1=..., beta2=..., eps=...}. */
  @Override
  public String toString() {
    return "beta1=" + beta1 + ", beta2=" + beta2 + ", eps=" + eps;
  }

  /** Returns the number of steps taken. */
  long steps() {
    return t;
  }
}
