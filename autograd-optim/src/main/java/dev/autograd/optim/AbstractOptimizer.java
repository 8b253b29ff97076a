package dev.autograd.optim;

import static com.google.common.base.Preconditions.checkArgument;

import dev.autograd.core.Parameters;
import dev.autograd.core.Value;
import java.util.List;

/** The parameter list and learning rate every optimizer here keeps; subclasses define the step. */
abstract class AbstractOptimizer implements Optimizer {
  private final List<Value> parameters;
  /** {@link #parameters} as an array, for the per-parameter loops (no list call per element). */
  private final Value[] parameterArray;
  /**
   * The parameters' new data during a step, written to them at its end by {@link #commit()}: one
   * {@link Value#setData(Value[], double[])} (one new version for all) instead of a {@code
   * setData} per parameter.
   */
  private final double[] updated;
  private double learningRate;

  /**
   * Keeps the distinct nodes of {@code params} ({@link Parameters#distinct}: at least one), and
   * checks {@code learningRate}.
   */
  AbstractOptimizer(List<Value> params, double learningRate) {
    this.parameters = Parameters.distinct(params, "params");
    checkArgument(!parameters.isEmpty(), "an optimizer needs at least one parameter, got %s",
        params);
    this.parameterArray = parameters.toArray(new Value[0]);
    this.updated = new double[parameterArray.length];
    this.learningRate = Hyperparameters.positive("learningRate", learningRate);
  }

  @Override
  public final List<Value> parameters() {
    return parameters;
  }

  /**
   * Sets every parameter's grad to {@code 0}, as {@link Parameters#zeroGrad(List)} does; the
   * parameters were checked when this optimizer was made, so no check is repeated.
   */
  @Override
  public final void zeroGrad() {
    for (Value p : parameterArray) {
      p.zeroGrad();
    }
  }

  /** Returns {@link #parameters()} as an array, the same nodes in the same order; not a copy. */
  final Value[] parameterArray() {
    return parameterArray;
  }

  /**
   * Returns the array a step fills with the parameters' new data, slot {@code i} for {@code
   * parameterArray()[i]}, before {@link #commit()}; not a copy.
   */
  final double[] updated() {
    return updated;
  }

  /** Gives every parameter its new data from {@link #updated()}, all with one new version. */
  final void commit() {
    Value.setData(parameterArray, updated);
  }

  @Override
  public final double learningRate() {
    return learningRate;
  }

  @Override
  public final void setLearningRate(double learningRate) {
    this.learningRate = Hyperparameters.positive("learningRate", learningRate);
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
