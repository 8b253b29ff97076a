package dev.autograd.optim;

import dev.autograd.core.Value;
import java.util.List;

/**
 * Mean squared error, built exactly as the reference program builds it: {@code Value.sum} of
 * {@code (p - y).pow(2)} over the pairs, then {@code .mul(1.0 / n)}; PyTorch's {@code
 * torch.nn.MSELoss} with its default {@code reduction='mean'}. The gradient with respect to {@code
 * p_i} is {@code 2 (p_i - y_i) / n}.
 *
 * <p>Non-finite values are not checked and propagate (IEEE 754): a NaN prediction or target gives
 * a NaN loss and NaN gradients; an infinite one an infinite loss and an infinite gradient.
 */
public final class MseLoss {
  private MseLoss() {}

  /**
   * Returns {@code (1/n) * sum_i (predictions[i] - targets[i])^2} as a new graph node.
   *
   * @throws NullPointerException if a list or an element is null
   * @throws IllegalArgumentException if the lists differ in length or are empty
   */
  public static Value of(List<Value> predictions, List<Value> targets) {
    return PairwiseMean.of(predictions, targets, (p, y) -> p.sub(y).pow(2));
  }
}
