package dev.autograd.optim;

import static com.google.common.base.Preconditions.checkArgument;

import dev.autograd.core.Parameters;
import dev.autograd.core.Value;
import java.util.List;

/** The parameter list and learning rate every optimizer here keeps; subclasses define the step. */
abstract class AbstractOptimizer implements Optimizer {
  private final List<Value> parameters;
  private double learningRate;

  /**
   * Keeps the distinct nodes of {@code params} ({@link Parameters#distinct}: at least one), and
   * checks {@code learningRate}.
   */
  AbstractOptimizer(List<Value> params, double learningRate) {
    this.parameters = Parameters.distinct(params, "params");
    checkArgument(!parameters.isEmpty(), "an optimizer needs at least one parameter, got %s",
        params);
    this.learningRate = Hyperparameters.positive("learningRate", learningRate);
  }

  @Override
  public final List<Value> parameters() {
    return parameters;
  }

  @Override
  public final double learningRate() {
    return learningRate;
  }

  @Override
  public final void setLearningRate(double learningRate) {
    this.learningRate = Hyperparameters.positive("learningRate", learningRate);
  }
}
