package dev.autograd.optim;

import static com.google.common.base.Preconditions.checkArgument;

import dev.autograd.core.Value;
import java.util.List;

/**
 * The max-margin loss of micrograd's moons demo: {@code (1/n) * sum_i relu(1 - y_i * s_i)} for
 * scores {@code s_i} and labels {@code y_i} in {@code {-1, +1}}. A score on the right side of the
 * margin ({@code y * s >= 1}) costs nothing and sends no gradient; otherwise the gradient with
 * respect to {@code s_i} is {@code -y_i / n}. micrograd's {@code demo.ipynb} builds it as {@code
 * (1 + -yi*scorei).relu()} averaged over the points.
 *
 * <p>Non-finite scores are not checked: a score of {@code +-Infinity} on the right side costs 0,
 * on the wrong side gives an infinite loss; a NaN score gives a NaN loss but the gradient {@code
 * -y_i / n} (relu's derivative at NaN is 1, as PyTorch's). The labels are checked when the graph
 * is built; a recorded graph replayed with other targets (as {@link Trainer}'s replaying modes do)
 * does not check them again.
 */
public final class HingeLoss {
  private HingeLoss() {}

  /**
   * Returns {@code (1/n) * sum_i relu(1 - targets[i] * predictions[i])} as a new graph node;
   * {@code predictions} are raw scores, {@code targets} labels -1 or +1.
   *
   * @throws NullPointerException if a list or an element is null
   * @throws IllegalArgumentException if the lists differ in length or are empty, or a target is
   *     neither -1 nor +1
   */
  public static Value of(List<Value> predictions, List<Value> targets) {
    LossInputs.check(predictions, targets);
    for (int i = 0; i < targets.size(); i++) {
      double y = targets.get(i).data();
      checkArgument(y == 1.0 || y == -1.0, "hinge labels must be -1 or +1, got targets[%s]=%s", i,
          (Object) y);
    }
    return PairwiseMean.of(predictions, targets, (s, y) -> s.mul(y).neg().add(1.0).relu());
  }
}
