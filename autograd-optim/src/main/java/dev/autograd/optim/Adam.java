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
 * p = p - learningRate * (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + eps)
 * </pre>
 *
 * See {@link Optimizer} for the call order.
 */
public final class Adam extends AbstractAdam {
  /**
   * Returns Adam with learning rate {@code learningRate} and the usual betas 0.9 and 0.999, eps
   * 1e-8.
   *
   * @throws NullPointerException if {@code params} or an element is null
   * @throws IllegalArgumentException if {@code params} is empty or holds a non-leaf, or {@code
   *     learningRate} is not positive and finite
   */
  public Adam(List<Value> params, double learningRate) {
    this(params, learningRate, 0.9, 0.999, 1e-8);
  }

  /**
   * Returns Adam with the given hyper-parameters.
   *
   * @throws NullPointerException if {@code params} or an element is null
   * @throws IllegalArgumentException if {@code params} is empty or holds a non-leaf, {@code
   *     learningRate} or {@code eps} is not positive and finite, or {@code beta1} or {@code beta2}
   *     is outside {@code [0, 1)}
   */
  public Adam(List<Value> params, double learningRate, double beta1, double beta2, double eps) {
    super(params, learningRate, beta1, beta2, eps);
  }

  /** Moves every parameter by one Adam step, as in the class comment. */
  @Override
  public void step() {
    Value[] params = parameterArray();
    double[] data = updated();
    for (int i = 0; i < params.length; i++) {
      data[i] = params[i].data();
    }
    adamUpdate(data);
  }

  /**
   * Returns the settings, as in {@code Adam(learningRate=0.1, beta1=0.9, beta2=0.999,
   * eps=1.0E-8, 2 parameters, 0 steps)}.
   */
  @Override
  public String toString() {
    return settings("Adam", "");
  }
}
