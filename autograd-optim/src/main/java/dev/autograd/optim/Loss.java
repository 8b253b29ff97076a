package dev.autograd.optim;

import dev.autograd.core.Value;
import java.util.List;

/**
 * A loss: one scalar graph node measuring how far a list of predictions lies from a list of
 * targets of the same length. The static {@code of} method of each loss class here is one, so a
 * training loop can take the loss as an argument:
 *
 * <pre>{@code
 * Loss loss = MseLoss::of;          // or MaeLoss::of, HingeLoss::of, BinaryCrossEntropyLoss::of
 * Value l = loss.of(predictions, targets);
 * }</pre>
 *
 * <p>The contract every implementation keeps: it builds new nodes and changes no data or grad;
 * it rejects a null list or element with a {@link NullPointerException} naming it ({@code
 * predictions[1] is null}), and lists that differ in length or are empty with an {@link
 * IllegalArgumentException} naming the lengths.
 */
@FunctionalInterface
public interface Loss {
  /**
   * Returns the loss of {@code predictions} against {@code targets} as a new graph node.
   *
   * @throws NullPointerException if a list or an element is null
   * @throws IllegalArgumentException if the lists differ in length or are empty, or a value lies
   *     outside the loss's domain (each implementation says which)
   */
  Value of(List<Value> predictions, List<Value> targets);
}
