package dev.autograd.optim;

import dev.autograd.core.Parameters;
import dev.autograd.core.Value;
import java.util.ArrayList;
import java.util.List;

/** Penalty terms to add to a loss. */
public final class Regularization {
  private Regularization() {}

  /**
   * Returns {@code alpha * sum_i p_i * p_i} as a new graph node (micrograd's {@code reg_loss}),
   * whose gradient is {@code 2 * alpha * p_i} for each parameter. No parameters give {@code 0}.
   * The sum runs over the distinct nodes of {@code params} ({@link Parameters#distinct}): a tied
   * weight listed twice is penalised once. A NaN or infinite parameter is not checked: it makes the
   * penalty NaN or infinite.
   *
   * @throws NullPointerException if {@code params} or an element is null
   * @throws IllegalArgumentException if an element is not a leaf, or {@code alpha} is negative or
   *     not finite
   */
  public static Value l2(List<Value> params, double alpha) {
    List<Value> checked = Parameters.distinct(params, "params");
    Hyperparameters.nonNegative("alpha", alpha);
    List<Value> squares = new ArrayList<>(checked.size());
    for (Value p : checked) {
      squares.add(p.mul(p));
    }
    return Value.sum(squares).mul(alpha);
  }
}
