package dev.autograd.optim;

import dev.autograd.core.Value;
import java.util.List;

/**
 * Mean absolute error, {@code (1/n) * sum_i |p_i - y_i|}: PyTorch's {@code torch.nn.L1Loss} with
 * its default {@code reduction='mean'}. Each {@code |d|} is built as {@code relu(d) + relu(-d)},
 * whose derivative is {@code sign(d) / n}, and {@code 0} where {@code d == 0} (as PyTorch's).
 *
 * <p>Non-finite values are not checked: an infinite difference gives an infinite loss and a
 * gradient of {@code ±1/n}; a NaN one a NaN loss and a gradient of {@code 0} (relu's derivative at
 * NaN is 1, as PyTorch's, so the two pieces cancel).
 */
public final class MaeLoss {
  private MaeLoss() {}

  /**
   * Returns {@code (1/n) * sum_i |predictions[i] - targets[i]|} as a new graph node.
   *
   * @throws NullPointerException if a list or an element is null
   * @throws IllegalArgumentException if the lists differ in length or are empty
   */
  public static Value of(List<Value> predictions, List<Value> targets) {
    return PairwiseMean.of(
        predictions,
        targets,
        (p, y) -> {
          Value d = p.sub(y);
          return d.relu().add(d.neg().relu());
        });
  }
}
