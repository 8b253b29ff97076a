package dev.autograd.optim;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.autograd.core.Value;
import dev.autograd.nn.Softmax;
import java.util.ArrayList;
import java.util.List;

/**
 * Cross-entropy from logits, the loss of multiclass classification: for logits {@code z} of
 * {@code K} classes and the true class {@code y}, {@code -logSoftmax(z)_y = log(sum_j exp(z_j)) -
 * z_y}, computed stably by {@link Softmax#logSoftmax(List)}. Its gradient with respect to the
 * logits is {@code softmax(z) - onehot(y)}. This is PyTorch's {@code
 * torch.nn.functional.cross_entropy} for one example (<a
 * href="https://pytorch.org/docs/stable/generated/torch.nn.functional.cross_entropy.html">
 * docs</a>), with class-index targets or, in {@link #of(List, List)}, class-probability targets.
 *
 * <p>Logits of ±1000 give a finite loss and finite gradients. A NaN or {@code +Infinity} logit
 * gives NaN (see {@link Softmax}).
 */
public final class CrossEntropyLoss {
  private CrossEntropyLoss() {}

  /**
   * Returns {@code -logSoftmax(logits)[target]} as a new graph node: the cross-entropy of one
   * example whose true class is {@code target}.
   *
   * @throws NullPointerException if {@code logits} or an element is null
   * @throws IllegalArgumentException if {@code logits} is empty or {@code target} is not in
   *     {@code [0, logits.size())}
   */
  public static Value of(List<Value> logits, int target) {
    checkNotNull(logits, "logits");
    checkArgument(target >= 0 && target < logits.size(),
        "target class %s out of range [0, %s) for %s logits", target, logits.size(),
        logits.size());
    return Softmax.logSoftmax(logits).get(target).neg();
  }

  /**
   * Returns {@code -sum_k targets[k] * logSoftmax(logits)[k]} as a new graph node: the
   * cross-entropy against class probabilities, which for a one-hot {@code targets} (1 at the true
   * class, 0 elsewhere) equals {@link #of(List, int)} in value and gradient with respect to the
   * logits. With the targets as leaves the graph has the same shape for every class, so a recorded
   * graph can be replayed for every example; {@code CrossEntropyLoss::of} is a {@link Loss}
   * (argument checks and messages as its contract says, so the logits are called predictions).
   *
   * @throws NullPointerException if a list or an element is null
   * @throws IllegalArgumentException if the lists differ in length or are empty, or a target is
   *     not in {@code [0, 1]} (NaN included)
   */
  public static Value of(List<Value> logits, List<Value> targets) {
    LossInputs.check(logits, targets);
    for (int k = 0; k < targets.size(); k++) {
      double t = targets.get(k).data();
      checkArgument(t >= 0 && t <= 1, "targets[%s] must be a probability in [0, 1], got %s", k,
          (Double) t);
    }
    List<Value> logP = Softmax.logSoftmax(logits);
    List<Value> terms = new ArrayList<>(logP.size());
    for (int k = 0; k < logP.size(); k++) {
      terms.add(targets.get(k).mul(logP.get(k)));
    }
    return Value.sum(terms).neg();
  }

  /**
   * Returns a one-hot vector of {@code classes} constant leaves, 1 at {@code target} and 0
   * elsewhere: the targets of {@link #of(List, List)} for class {@code target}.
   *
   * @throws IllegalArgumentException if {@code classes} is below 1 or {@code target} is not in
   *     {@code [0, classes)}
   */
  public static List<Value> oneHot(int target, int classes) {
    checkArgument(classes >= 1 && target >= 0 && target < classes,
        "target class %s out of range [0, %s)", target, classes);
    List<Value> out = new ArrayList<>(classes);
    for (int k = 0; k < classes; k++) {
      out.add(Value.of(k == target ? 1.0 : 0.0));
    }
    return out;
  }
}
