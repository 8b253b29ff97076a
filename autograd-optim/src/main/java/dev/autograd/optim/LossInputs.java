package dev.autograd.optim;

import static java.util.Objects.requireNonNull;

import dev.autograd.core.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** The shared shape of the losses: a mean over pairs of prediction and target. */
final class LossInputs {
  private LossInputs() {}

  /**
   * Returns {@code Value.sum(terms).mul(1.0 / n)} where {@code terms[i] = term(predictions[i],
   * targets[i])}, after checking both lists.
   */
  static Value mean(
      List<Value> predictions, List<Value> targets, BiFunction<Value, Value, Value> term) {
    check(predictions, targets);
    int n = predictions.size();
    List<Value> terms = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      terms.add(term.apply(predictions.get(i), targets.get(i)));
    }
    return Value.sum(terms).mul(1.0 / n);
  }

  /** Checks that both lists are non-null, free of nulls, equally long and not empty. */
  static void check(List<Value> predictions, List<Value> targets) {
    requireNonNull(predictions, "predictions");
    requireNonNull(targets, "targets");
    if (predictions.size() != targets.size()) {
      throw new IllegalArgumentException(
          "predictions and targets differ in length: " + predictions.size() + " vs "
              + targets.size());
    }
    if (predictions.isEmpty()) {
      throw new IllegalArgumentException("a loss needs at least one prediction, got none");
    }
    for (int i = 0; i < predictions.size(); i++) {
      if (predictions.get(i) == null) {
        throw new NullPointerException("predictions[" + i + "] is null");
      }
      if (targets.get(i) == null) {
        throw new NullPointerException("targets[" + i + "] is null");
      }
    }
  }
}
