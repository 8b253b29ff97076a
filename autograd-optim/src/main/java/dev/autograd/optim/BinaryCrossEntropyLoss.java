package dev.autograd.optim;

import static com.google.common.base.Preconditions.checkArgument;

import dev.autograd.core.Value;
import java.util.List;

/**
 * Binary cross-entropy, {@code -(1/n) * sum_i (y_i ln p_i + (1 - y_i) ln(1 - p_i))}, for predicted
 * probabilities {@code p_i} in the open interval {@code (0, 1)} (for instance sigmoid outputs) and
 * targets {@code y_i} in {@code [0, 1]} (usually 0 or 1). Its gradient with respect to {@code p_i}
 * is {@code -(y_i / p_i - (1 - y_i) / (1 - p_i)) / n}.
 *
 * <p>This is PyTorch's {@code torch.nn.BCELoss} with {@code reduction='mean'}, except at the ends:
 * PyTorch clamps each logarithm at -100, while a prediction of exactly 0 or 1, which would make a
 * logarithm infinite (and {@code 0 * -Infinity} is NaN), is rejected here. A sigmoid rounds to 1.0
 * for inputs above about 37: keep scores in range, or train on the scores with {@code
 * softplus(s) - y s} (PyTorch's {@code BCEWithLogitsLoss}), as the breast-cancer example does. The
 * checks run when the graph is built; a recorded graph replayed with other data (as {@link
 * Trainer}'s replaying modes do) is not checked again, and a prediction that reaches 0 or 1 there
 * gives an infinite or NaN loss.
 */
public final class BinaryCrossEntropyLoss {
  private BinaryCrossEntropyLoss() {}

  /**
   * Returns the mean binary cross-entropy of {@code predictions} against {@code targets} as a new
   * graph node.
   *
   * @throws NullPointerException if a list or an element is null
   * @throws IllegalArgumentException if the lists differ in length or are empty, a prediction lies
   *     outside {@code (0, 1)} or a target outside {@code [0, 1]} (NaN included)
   */
  public static Value of(List<Value> predictions, List<Value> targets) {
    LossInputs.check(predictions, targets);
    for (int i = 0; i < predictions.size(); i++) {
      double p = predictions.get(i).data();
      checkArgument(p > 0 && p < 1, "predictions[%s] must be a probability in (0, 1), got %s", i,
          (Object) p);
      double y = targets.get(i).data();
      checkArgument(y >= 0 && y <= 1, "targets[%s] must be in [0, 1], got %s", i, (Object) y);
    }
    return PairwiseMean.of(predictions, targets, BinaryCrossEntropyLoss::term).neg();
  }

  /** Returns {@code y ln p + (1 - y) ln(1 - p)}. */
  private static Value term(Value p, Value y) {
    Value oneMinusY = y.neg().add(1.0);
    Value oneMinusP = p.neg().add(1.0);
    return y.mul(p.log()).add(oneMinusY.mul(oneMinusP.log()));
  }
}
