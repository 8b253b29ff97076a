package dev.autograd.optim;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.autograd.core.Value;
import java.util.List;

/**
 * Stochastic gradient descent, optionally with {@link Momentum}, with PyTorch's semantics ({@code
 * torch.optim.SGD} with zero dampening and no weight decay).
 *
 * <p>Without momentum a step is exactly the reference program's {@code p.data -= learning_rate *
 * p.grad}. With momentum
 * coefficient {@code mu}, each parameter keeps a buffer {@code v}, set to {@code g} on the first
 * step and to {@code mu * v + g} after; the parameter moves by {@code -learningRate * v} ({@link
 * Momentum#CLASSICAL}) or {@code -learningRate * (g + mu * v)} ({@link Momentum#NESTEROV}). See
 * {@link Optimizer} for the call order.
 */
public final class Sgd extends AbstractOptimizer {
  private final Momentum momentum;
  private final double coefficient;
  private final double[] velocity;
  private boolean started;

  /**
   * Returns plain gradient descent ({@link Momentum#NONE}) with learning rate {@code
   * learningRate}.
   *
   * @throws NullPointerException if {@code params} or an element is null
   * @throws IllegalArgumentException if {@code params} is empty or holds a non-leaf, or {@code
   *     learningRate} is not positive and finite
   */
  public Sgd(List<Value> params, double learningRate) {
    this(params, learningRate, Momentum.NONE, 0.0);
  }

  /**
   * Returns gradient descent with the given kind of momentum and its coefficient {@code mu}, as
   * in {@code new Sgd(params, 0.01, Momentum.NESTEROV, 0.9)}.
   *
   * @throws NullPointerException if {@code params}, an element or {@code momentum} is null
   * @throws IllegalArgumentException if {@code params} is empty or holds a non-leaf, {@code
   *     learningRate} is not positive and finite, or {@code coefficient} is not 0 for {@link
   *     Momentum#NONE} or not in {@code (0, 1)} for the other kinds
   */
  public Sgd(List<Value> params, double learningRate, Momentum momentum, double coefficient) {
    super(params, learningRate);
    this.momentum = checkNotNull(momentum, "momentum");
    if (momentum == Momentum.NONE) {
      checkArgument(coefficient == 0, "Momentum.NONE takes coefficient 0, got %s", coefficient);
    } else {
      checkArgument(coefficient > 0 && coefficient < 1,
          "the coefficient of Momentum.%s must be in (0, 1), got %s", momentum, coefficient);
    }
    this.coefficient = coefficient;
    this.velocity = new double[parameters().size()];
  }

  /**
   * Moves every parameter against its grad: {@code p.setData(p.data() - learningRate *
   * p.grad())} without momentum, otherwise as described in the class comment.
   */
  @Override
  public void step() {
    Value[] params = parameterArray();
    double[] next = updated();
    double learningRate = learningRate();
    for (int i = 0; i < params.length; i++) {
      Value p = params[i];
      double g = p.grad();
      if (momentum != Momentum.NONE) {
        velocity[i] = started ? coefficient * velocity[i] + g : g;
        g = momentum == Momentum.NESTEROV ? g + coefficient * velocity[i] : velocity[i];
      }
      next[i] = p.data() - learningRate * g;
    }
    commit();
    started = true;
  }

  /**
   * Returns {@code [started, velocity...]}: 1 once a step with momentum has set the buffers (0
   * before), then the momentum buffer of each parameter (all 0 without momentum).
   */
  @Override
  double[] state() {
    double[] s = new double[1 + velocity.length];
    s[0] = started ? 1 : 0;
    System.arraycopy(velocity, 0, s, 1, velocity.length);
    return s;
  }

  @Override
  String stateProblem(int i, double value) {
    return i == 0 && value != 0 && value != 1 ? "0 or 1 (whether a step was taken)" : null;
  }

  @Override
  void restoreState(double[] state) {
    started = state[0] == 1;
    System.arraycopy(state, 1, velocity, 0, velocity.length);
  }

  /** Returns the kind of momentum. */
  public Momentum momentum() {
    return momentum;
  }

  /** Returns the momentum coefficient {@code mu} (0 for {@link Momentum#NONE}). */
  public double momentumCoefficient() {
    return coefficient;
  }

  /**
   * Returns the settings, as in {@code Sgd(learningRate=0.001, momentum=NESTEROV 0.9, 2
   * parameters)} or {@code Sgd(learningRate=0.001, momentum=NONE, 1 parameters)}.
   */
  @Override
  public String toString() {
    String kind = momentum == Momentum.NONE ? "NONE" : momentum + " " + coefficient;
    return "Sgd(learningRate=" + learningRate() + ", momentum=" + kind + ", "
        + parameters().size() + " parameters)";
  }
}
