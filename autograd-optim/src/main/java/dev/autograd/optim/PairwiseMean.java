package dev.autograd.optim;

import dev.autograd.core.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** The shape most losses here share: the mean of one term per (prediction, target) pair. */
final class PairwiseMean {
  private PairwiseMean() {}

  /**
   * Returns {@code Value.sum(terms).mul(1.0 / n)} where {@code terms[i] = term(predictions[i],
   * targets[i])}, after {@link LossInputs#check}.
   */
  static Value of(
      List<Value> predictions, List<Value> targets, BiFunction<Value, Value, Value> term) {
    LossInputs.check(predictions, targets);
    int n = predictions.size();
    List<Value> terms = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      terms.add(term.apply(predictions.get(i), targets.get(i)));
    }
    return Value.sum(terms).mul(1.0 / n);
  }
}
