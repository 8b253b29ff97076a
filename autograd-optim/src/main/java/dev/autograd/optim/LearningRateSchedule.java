package dev.autograd.optim;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A learning rate as a function of the step number, to pass to {@link
 * Optimizer#setLearningRate(double)} before each step:
 *
 * <pre>{@code
 * for (int k = 0; k < steps; k++) {
 *   optimizer.setLearningRate(schedule.rate(k));
 *   ... forward, zeroGrad, backward, optimizer.step();
 * }
 * }</pre>
 */
@FunctionalInterface
public interface LearningRateSchedule {
  /**
   * Returns the learning rate for step {@code step} (counted from 0).
   *
   * @throws IllegalArgumentException if {@code step} is negative
   */
  double rate(int step);

  /**
   * Returns {@code initial * factor^(step / every)} (integer division): the rate is multiplied by
   * {@code factor} every {@code every} steps, as PyTorch's {@code StepLR(step_size=every,
   * gamma=factor)}. After enough steps the rate can underflow to 0 ({@code factor < 1}) or
   * overflow to infinity ({@code factor > 1}), which {@link Optimizer#setLearningRate} rejects.
   *
   * @throws IllegalArgumentException if {@code initial} or {@code factor} is not positive and
   *     finite, or {@code every} is below 1
   */
  static LearningRateSchedule stepDecay(double initial, double factor, int every) {
    Hyperparameters.positive("initial", initial);
    Hyperparameters.positive("factor", factor);
    Hyperparameters.atLeastOne("every", every);
    return step -> initial * Math.pow(factor, checkStep(step) / every);
  }

  /**
   * Returns a rate going in a straight line from {@code initial} at step 0 to {@code last} at
   * step {@code steps}, then staying at {@code last}: {@code initial + (last - initial) * step /
   * steps} before step {@code steps}, and exactly {@code last} from it on (the formula would round
   * to a neighbour of {@code last}). micrograd's moons demo uses {@code linearDecay(1.0, 0.1,
   * 100)}.
   *
   * @throws IllegalArgumentException if {@code initial} or {@code last} is not positive and
   *     finite (optimizers reject a zero rate), or {@code steps} is below 1
   */
  static LearningRateSchedule linearDecay(double initial, double last, int steps) {
    Hyperparameters.positive("initial", initial);
    Hyperparameters.positive("last", last);
    Hyperparameters.atLeastOne("steps", steps);
    return step -> checkStep(step) >= steps ? last : initial + (last - initial) * step / steps;
  }

  private static int checkStep(int step) {
    checkArgument(step >= 0, "step must be non-negative, got %s", step);
    return step;
  }
}
