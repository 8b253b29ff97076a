package dev.autograd.optim;

import static com.google.common.base.Preconditions.checkArgument;

import dev.autograd.core.Value;
import java.util.List;

/**
 * The max-margin loss of micrograd's moons demo: {@code (1/n) * sum_i relu(1 - y_i * s_i)} for
 * scores {@code s_i} and labels {@code y_i} in {@code {-1, +1}}. A score on the right side of the
 * margin ({@code y * s >= 1}) costs nothing and sends no gradient.
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
