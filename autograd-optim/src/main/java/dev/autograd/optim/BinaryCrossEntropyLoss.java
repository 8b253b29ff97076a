package dev.autograd.optim;

import dev.autograd.core.Value;
import java.util.List;

/**
 * Binary cross-entropy, {@code -(1/n) * sum_i (y_i ln p_i + (1 - y_i) ln(1 - p_i))}, for predicted
 * probabilities {@code p_i} (for instance the outputs of a sigmoid) and targets {@code y_i} in
 * {@code [0, 1]} (usually 0 or 1).
 *
 * <p>At {@code p = 0} or {@code p = 1} one logarithm is infinite: the loss is {@code +Infinity}
 * (or NaN if the matching target term is 0) following IEEE 754, as {@link Value#log()} documents.
 */
public final class BinaryCrossEntropyLoss {
  private BinaryCrossEntropyLoss() {}

  /**
   * Returns the mean binary cross-entropy of {@code predictions} against {@code targets} as a new
   * graph node.
   *
   * @throws NullPointerException if a list or an element is null
   * @throws IllegalArgumentException if the lists differ in length or are empty, or a prediction
   *     or target lies outside {@code [0, 1]} (NaN included)
   */
  public static Value of(List<Value> predictions, List<Value> targets) {
    LossInputs.check(predictions, targets);
    for (int i = 0; i < predictions.size(); i++) {
      checkProbability("predictions", i, predictions.get(i).data());
      checkProbability("targets", i, targets.get(i).data());
    }
    return LossInputs.mean(
            predictions,
            targets,
            (p, y) -> y.mul(p.log()).add(y.neg().add(1.0).mul(p.neg().add(1.0).log())))
        .neg();
  }

  private static void checkProbability(String name, int i, double x) {
    if (!(x >= 0 && x <= 1)) {
      throw new IllegalArgumentException(
          name + "[" + i + "] must be a probability in [0, 1], got " + x);
    }
  }
}
