package dev.autograd.optim;

import dev.autograd.core.Value;
import java.util.List;

/**
 * Stochastic gradient descent, optionally with momentum, with PyTorch's semantics ({@code
 * torch.optim.SGD} with zero dampening and no weight decay).
 *
 * <p>Without momentum a step is exactly the seed's {@code p.data -= lr * p.grad}. With momentum
 * {@code mu}, each parameter keeps a buffer {@code v}, set to {@code g} on the first step and to
 * {@code mu * v + g} after; the parameter moves by {@code -lr * v}, or with Nesterov by {@code -lr
 * * (g + mu * v)}. See {@link Optimizer} for the call order.
 */
public final class Sgd extends AbstractOptimizer {
  private final double momentum;
  private final boolean nesterov;
  private final double[] velocity;
  private boolean started;

  /**
   * Returns plain gradient descent with learning rate {@code learningRate}.
   *
   * @throws NullPointerException if {@code params} or an element is null
   * @throws IllegalArgumentException if {@code params} is empty or {@code learningRate} is not
   *     positive and finite
   */
  public Sgd(List<Value> params, double learningRate) {
    this(params, learningRate, 0.0, false);
  }

  /**
   * Returns gradient descent with momentum {@code momentum} (0 for none), Nesterov's if {@code
   * nesterov}.
   *
   * @throws NullPointerException if {@code params} or an element is null
   * @throws IllegalArgumentException if {@code params} is empty, {@code learningRate} is not
   *     positive and finite, {@code momentum} is outside {@code [0, 1)}, or {@code nesterov} is
   *     asked with zero momentum
   */
  public Sgd(List<Value> params, double learningRate, double momentum, boolean nesterov) {
    super(params, learningRate);
    this.momentum = Hyperparameters.unitInterval("momentum", momentum);
    if (nesterov && momentum == 0) {
      throw new IllegalArgumentException("Nesterov momentum needs momentum > 0, got momentum=0.0");
    }
    this.nesterov = nesterov;
    this.velocity = new double[this.params.size()];
  }

  /**
   * Moves every parameter against its grad: {@code p.setData(p.data() - lr * p.grad())} without
   * momentum, otherwise as described in the class comment.
   */
  @Override
  public void step() {
    for (int i = 0; i < params.size(); i++) {
      Value p = params.get(i);
      double g = p.grad();
      if (momentum != 0) {
        velocity[i] = started ? momentum * velocity[i] + g : g;
        g = nesterov ? g + momentum * velocity[i] : velocity[i];
      }
      p.setData(p.data() - lr * g);
    }
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

  /** Returns the momentum coefficient (0 for none). */
  public double momentum() {
    return momentum;
  }

  /** Returns true if the momentum is Nesterov's. */
  public boolean nesterov() {
    return nesterov;
  }

  /**
   * Returns the settings, as in {@code Sgd(lr=0.001, momentum=0.9, nesterov=false, 2 parameters)}.
   */
  @Override
  public String toString() {
    return "Sgd(lr=" + lr + ", momentum=" + momentum + ", nesterov=" + nesterov + ", "
        + params.size() + " parameters)";
  }
}
