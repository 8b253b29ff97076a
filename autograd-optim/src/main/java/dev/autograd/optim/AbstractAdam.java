package dev.autograd.optim;

import dev.autograd.core.Value;
import java.util.List;

/**
 * Adam's moments, update and checkpoint state, shared by {@link Adam} and {@link AdamW}, which
 * differ only in what their step does before the Adam update.
 */
abstract class AbstractAdam extends AbstractOptimizer {
  private final double beta1;
  private final double beta2;
  private final double eps;
  private final double[] m;
  private final double[] v;
  private long t;

  /** Checks the arguments as {@link AbstractOptimizer} does and the betas and eps; moments at 0. */
  AbstractAdam(List<Value> params, double learningRate, double beta1, double beta2, double eps) {
    super(params, learningRate);
    this.beta1 = Hyperparameters.unitInterval("beta1", beta1);
    this.beta2 = Hyperparameters.unitInterval("beta2", beta2);
    this.eps = Hyperparameters.positive("eps", eps);
    this.m = new double[parameters().size()];
    this.v = new double[parameters().size()];
  }

  /**
   * One Adam update of every parameter: {@code m = b1 m + (1-b1) g}, {@code v = b2 v + (1-b2)
   * g^2}, {@code p = from - learningRate * (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)}, where
   * {@code from[i]} is parameter {@code i}'s data before the update (its own data for Adam, the
   * decayed one for AdamW; it may be {@link #updated()} itself). Every parameter takes its new
   * data at the end, with one new version ({@link #commit()}).
   */
  final void adamUpdate(double[] from) {
    Value[] params = parameterArray();
    double[] next = updated();
    double learningRate = learningRate();
    t++;
    double correction1 = 1 - Math.pow(beta1, t);
    double correction2 = 1 - Math.pow(beta2, t);
    for (int i = 0; i < params.length; i++) {
      next[i] = update(params[i].grad(), i, from[i], learningRate, correction1, correction2);
    }
    commit();
  }

  /**
   * Returns parameter {@code i}'s data after one Adam step from {@code data} with grad {@code g},
   * updating its moments. A method of its own, called once per parameter, so that the JIT compiles
   * it within the first step of a cold JVM (a method is compiled after a few hundred calls; the
   * loop calling it would wait for tens of thousands of iterations).
   */
  private double update(double g, int i, double data, double learningRate, double correction1,
      double correction2) {
    double mi = beta1 * m[i] + (1 - beta1) * g;
    double vi = beta2 * v[i] + (1 - beta2) * g * g;
    m[i] = mi;
    v[i] = vi;
    double mHat = mi / correction1;
    double vHat = vi / correction2;
    return data - learningRate * mHat / (Math.sqrt(vHat) + eps);
  }

  /**
   * Returns the settings, as in {@code Adam(learningRate=0.1, beta1=0.9, beta2=0.999, eps=1.0E-8,
   * 2 parameters, 0 steps)}, with {@code extra} (such as {@code weightDecay=0.01, }) after the
   * learning rate.
   */
  final String settings(String name, String extra) {
    return name + "(learningRate=" + learningRate() + ", " + extra + "beta1=" + beta1 + ", beta2="
        + beta2 + ", eps=" + eps + ", " + parameters().size() + " parameters, " + t + " steps)";
  }

  /** Returns {@code [t, m_0..m_(n-1), v_0..v_(n-1)]}: the step count and both moments. */
  @Override
  final double[] state() {
    int n = m.length;
    double[] s = new double[1 + 2 * n];
    s[0] = t;
    System.arraycopy(m, 0, s, 1, n);
    System.arraycopy(v, 0, s, 1 + n, n);
    return s;
  }

  /** Returns what value {@code i} of a {@link #state()} array must be, or null if it is. */
  @Override
  final String stateProblem(int i, double value) {
    if (i == 0) {
      boolean steps = value >= 0 && value <= 0x1p53 && value == Math.rint(value);
      return steps ? null : "a whole number of steps from 0 to 2^53";
    }
    boolean second = i > m.length;
    return !second || value >= 0 || Double.isNaN(value)
        ? null : "a non-negative second moment";
  }

  /** Restores a checked {@link #state()} array. */
  @Override
  final void restoreState(double[] s) {
    int n = m.length;
    t = (long) s[0];
    System.arraycopy(s, 1, m, 0, n);
    System.arraycopy(s, 1 + n, v, 0, n);
  }
}
