package dev.autograd.optim;

import dev.autograd.core.Value;
import java.util.List;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter, 2019), as {@code torch.optim.AdamW}:
 * each step first shrinks every parameter, {@code p = p - learningRate * weightDecay * p}, then
 * takes the {@link Adam} step from the grad (the decay does not enter the moments). See {@link
 * Optimizer} for the call order.
 */
public final class AdamW extends AbstractAdam {
  /** PyTorch's default weight decay, used by {@link #AdamW(List, double)}. */
  public static final double DEFAULT_WEIGHT_DECAY = 0.01;

  private final double weightDecay;

  /**
   * Returns AdamW with learning rate {@code learningRate}, weight decay {@value
   * #DEFAULT_WEIGHT_DECAY}, betas 0.9 and 0.999, eps 1e-8.
   *
   * @throws NullPointerException if {@code params} or an element is null
   * @throws IllegalArgumentException if {@code params} is empty or holds a non-leaf, or {@code
   *     learningRate} is not positive and finite
   */
  public AdamW(List<Value> params, double learningRate) {
    this(params, learningRate, DEFAULT_WEIGHT_DECAY);
  }

  /**
   * Returns AdamW with learning rate {@code learningRate} and weight decay {@code weightDecay},
   * betas 0.9 and 0.999, eps 1e-8.
   *
   * @throws NullPointerException if {@code params} or an element is null
   * @throws IllegalArgumentException if {@code params} is empty or holds a non-leaf, {@code
   *     learningRate} is not positive and finite, or {@code weightDecay} is negative or not finite
   */
  public AdamW(List<Value> params, double learningRate, double weightDecay) {
    this(params, learningRate, 0.9, 0.999, 1e-8, weightDecay);
  }

  /**
   * Returns AdamW with the given hyper-parameters.
   *
   * @throws NullPointerException if {@code params} or an element is null
   * @throws IllegalArgumentException if {@code params} is empty or holds a non-leaf, {@code
   *     learningRate} or {@code eps} is not positive and finite, {@code beta1} or {@code beta2} is
   *     outside {@code [0, 1)}, or {@code weightDecay} is negative or not finite
   */
  public AdamW(List<Value> params, double learningRate, double beta1, double beta2, double eps,
      double weightDecay) {
    super(params, learningRate, beta1, beta2, eps);
    this.weightDecay = Hyperparameters.nonNegative("weightDecay", weightDecay);
  }

  /** Shrinks every parameter by {@code learningRate * weightDecay * p}, then takes an Adam step. */
  @Override
  public void step() {
    double learningRate = learningRate();
    Value[] params = parameterArray();
    double[] decayed = updated();
    for (int i = 0; i < params.length; i++) {
      double p = params[i].data();
      decayed[i] = p - learningRate * weightDecay * p;
    }
    adamUpdate(decayed);
  }

  /** Returns the weight decay coefficient. */
  public double weightDecay() {
    return weightDecay;
  }

  /**
   * Returns the settings, as in {@code AdamW(learningRate=0.1, weightDecay=0.01, beta1=0.9,
   * ...)}.
   */
  @Override
  public String toString() {
    return settings("AdamW", "weightDecay=" + weightDecay + ", ");
  }
}
