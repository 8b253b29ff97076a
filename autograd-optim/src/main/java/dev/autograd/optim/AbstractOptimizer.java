package dev.autograd.optim;

import dev.autograd.core.Value;
import java.util.List;

/** The parameter list and learning rate every optimizer here keeps; subclasses define the step. */
abstract class AbstractOptimizer implements Optimizer {
  final List<Value> params;
  double lr;

  /** Checks and copies {@code params} (at least one), and checks {@code lr}. */
  AbstractOptimizer(List<Value> params, double lr) {
    this.params = Hyperparameters.parameters(params);
    if (this.params.isEmpty()) {
      throw new IllegalArgumentException("an optimizer needs at least one parameter, got []");
    }
    this.lr = Hyperparameters.learningRate(lr);
  }

  @Override
  public final List<Value> parameters() {
    return params;
  }

  @Override
  public final double learningRate() {
    return lr;
  }

  @Override
  public final void setLearningRate(double lr) {
    this.lr = Hyperparameters.learningRate(lr);
  }

  /**
   * Returns a copy of the state a {@link Checkpoint} saves besides the parameters and the learning
   * rate (moments, velocities, step counts), in an order each subclass documents.
   */
  abstract double[] state();

  /**
   * Returns what value {@code i} of a state read from a checkpoint should be if {@code value} is
   * not acceptable there, else null. Called for every index before {@link #restoreState}.
   */
  abstract String stateProblem(int i, double value);

  /** Replaces the state with {@code state}, a checked array as {@link #state()} returns. */
  abstract void restoreState(double[] state);
}
