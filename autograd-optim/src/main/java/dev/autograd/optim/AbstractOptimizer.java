package dev.autograd.optim;

import dev.autograd.core.Value;
import java.util.List;

/** The parameter list and learning rate every optimizer here keeps; subclasses define the step. */
abstract class AbstractOptimizer implements Optimizer {
  final List<Value> params;
  double lr;

  /** Checks and copies {@code params}, and checks {@code lr}. */
  AbstractOptimizer(List<Value> params, double lr) {
    this.params = Hyperparameters.parameters(params);
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
}
