package dev.autograd.optim;

import dev.autograd.core.Parameters;
import dev.autograd.core.Value;
import java.util.List;

/**
 * Updates a fixed list of parameters from their gradients. The only code that changes a
 * parameter's data: this package's optimizers give every parameter its new data at the end of a
 * step with one {@link Value#setData(Value[], double[])} (one new version for all). Every
 * optimizer takes its parameters as {@link Parameters#distinct} does: null elements and
 * non-leaves are rejected, and a node listed twice (tied weights) is one parameter, moved once by
 * its accumulated grad with one state slot.
 *
 * <h2>Call order</h2>
 *
 * Each training step is:
 *
 * <ol>
 *   <li>forward: build the loss from the parameters, e.g. {@code Value loss =
 *       MseLoss.of(model.forward(x), y)};
 *   <li>{@link #zeroGrad()} then {@code loss.backward()}: fills every parameter's grad with
 *       {@code d(loss)/d(parameter)} ({@code backward()} already zeroes reachable grads; {@code
 *       zeroGrad()} also clears parameters the loss does not reach, and is required before {@code
 *       backwardAccumulate()});
 *   <li>{@link #step()}: moves every parameter using its grad.
 * </ol>
 *
 * Nodes built before a step keep the old data: rebuild the loss (or replay a {@code
 * CompiledGraph}) for the next step. Non-finite grads are not checked: NaN or infinity in a grad
 * propagates into the parameter and the optimizer's state.
 */
public interface Optimizer {
  /** Updates every parameter's data from its current grad (mutates the parameters). */
  void step();

  /**
   * Sets every parameter's grad to {@code 0} (mutates the parameters' grads), by {@link
   * Parameters#zeroGrad(List)}.
   */
  default void zeroGrad() {
    Parameters.zeroGrad(parameters());
  }

  /**
   * Returns the parameters this optimizer updates: the distinct nodes of the list it was given,
   * in first-seen order ({@link Parameters#distinct}: a tied weight listed twice is one
   * parameter), unmodifiable.
   */
  List<Value> parameters();

  /** Returns the current learning rate. */
  double learningRate();

  /**
   * Replaces the learning rate used by the following steps (for schedules); optimizer state such
   * as momentum is kept.
   *
   * @throws IllegalArgumentException if {@code learningRate} is not positive and finite
   */
  void setLearningRate(double learningRate);
}
