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

  /** Returns {@code [t, m_0..m_(n-1), v_0..v_(n-1)]}: the step count and both moments. */
  double[] state() {
    int n = m.length;
    double[] s = new double[1 + 2 * n];
    s[0] = t;
    System.arraycopy(m, 0, s, 1, n);
    System.arraycopy(v, 0, s, 1 + n, n);
    return s;
  }

  /** Returns what value {@code i} of a {@link #state()} array must be, or null if it is. */
  String stateProblem(int i, double value) {
    if (i == 0) {
      boolean steps = value >= 0 && value <= 0x1p53 && value == Math.rint(value);
      return steps ? null : "a whole number of steps from 0 to 2^53";
    }
    boolean second = i > m.length;
    return !second || value >= 0 || Double.isNaN(value)
        ? null : "a non-negative second moment";
  }

  /** Restores a checked {@link #state()} array. */
  void restore(double[] s) {
    int n = m.length;
    t = (long) s[0];
    System.arraycopy(s, 1, m, 0, n);
    System.arraycopy(s, 1 + n, v, 0, n);
  }

  /** Returns the number of steps taken. */
  long steps() {
    return t;
  }
}
