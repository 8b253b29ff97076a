package dev.autograd.optim;

import dev.autograd.core.Value;
import java.util.List;

/**
 * Adam (Kingma and Ba, 2015) with bias correction. For each parameter with grad {@code g}, at step
 * {@code t = 1, 2, ...}:
 *
 * <pre>
 * m = beta1 * m + (1 - beta1) * g          (m, v start at 0)
 * v = beta2 * v + (1 - beta2) * g * g
 * p = p - lr * (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + eps)
 * </pre>
 *
 * See {@link Optimizer} for the call order.
 */
public final class Adam extends AbstractOptimizer {
  private final Moments moments;

  /**
   * Returns Adam with learning rate {@code lr} and the usual betas 0.9 and 0.999, eps 1e-8.
   *
   * @throws NullPointerException if {@code params} or an element is null
   * @throws IllegalArgumentException if {@code params} is empty or {@code lr} is not positive and
   *     finite
   */
  public Adam(List<Value> params, double lr) {
    this(params, lr, 0.9, 0.999, 1e-8);
  }

  /**
   * Returns Adam with the given hyper-parameters.
   *
   * @throws NullPointerException if {@code params} or an element is null
   * @throws IllegalArgumentException if {@code params} is empty, {@code lr} or {@code eps} is not
   *     positive and finite, or {@code beta1} or {@code beta2} is outside {@code [0, 1)}
   */
  public Adam(List<Value> params, double lr, double beta1, double beta2, double eps) {
    super(params, lr);
    this.moments = new Moments(this.params.size(), beta1, beta2, eps);
  }

  /** Moves every parameter by one Adam step, as in the class comment. */
  @Override
  public void step() {
    moments.step(params, lr);
  }

  /** Returns {@code [steps, m..., v...]}: the step count, then both moments per parameter. */
  @Override
  double[] state() {
    return moments.state();
  }

  @Override
  String stateProblem(int i, double value) {
    return moments.stateProblem(i, value);
  }

  @Override
  void restoreState(double[] state) {
    moments.restore(state);
  }

  /** Returns the settings, as in {@code Adam(lr=0.1, beta1=0.9, beta2=0.999, eps=1.0E-8, ...)}. */
  @Override
  public String toString() {
    return "Adam(lr=" + lr + ", beta1=" + moments.beta1 + ", beta2=" + moments.beta2 + ", eps="
        + moments.eps + ", " + params.size() + " parameters, " + moments.steps() + " steps)";
  }
}
