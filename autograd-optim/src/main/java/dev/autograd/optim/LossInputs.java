package dev.autograd.optim;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.autograd.core.Value;
import java.util.List;

/** The {@link Loss} contract's argument checks, shared by every loss here. */
final class LossInputs {
  private LossInputs() {}

  /** Checks that both lists are non-null, free of nulls, equally long and not empty. */
  static void check(List<Value> predictions, List<Value> targets) {
    checkNotNull(predictions, "predictions");
    checkNotNull(targets, "targets");
    checkArgument(predictions.size() == targets.size(),
        "predictions and targets differ in length: %s vs %s", predictions.size(), targets.size());
    checkArgument(!predictions.isEmpty(), "a loss needs at least one prediction, got none");
    for (int i = 0; i < predictions.size(); i++) {
      checkNotNull(predictions.get(i), "predictions[%s] is null", i);
      checkNotNull(targets.get(i), "targets[%s] is null", i);
    }
  }
}
