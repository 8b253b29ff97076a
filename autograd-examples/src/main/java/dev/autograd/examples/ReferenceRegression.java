package dev.autograd.examples;

import static java.util.Objects.requireNonNull;

import dev.autograd.core.Value;
import dev.autograd.nn.Activation;
import dev.autograd.nn.BiasTrickLinear;
import dev.autograd.nn.Init;
import dev.autograd.nn.Vectors;
import dev.autograd.optim.MseLoss;
import dev.autograd.optim.Optimizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The reference program's demo 2, defined once: its {@value #DATA_SIZE} training points {@code x_i
 * = 0.5 i}, {@code y_i = 2 x_i + 10}, its model (a {@link BiasTrickLinear BiasTrickLinear(1, 1)}
 * whose parameters {@code [w, b]} are drawn uniform in {@code [-1, 1)}, {@code w} first), its
 * loss ({@link MseLoss}, built node for node as the reference program builds it) and one epoch of
 * its loop. {@link LinearRegressionDemo}, the JMH demo-2 step and the tests that compare with the
 * reference program's trace all train this one problem.
 *
 * <p>Not thread-safe: the model's parameters are mutable leaves.
 */
public final class ReferenceRegression {
  /** Number of training points: the reference program's {@code DATA_SIZE}. */
  public static final int DATA_SIZE = 50;

  /** The reference program's {@code learning_rate}. */
  public static final double LEARNING_RATE = 1e-3;

  /** The reference program's number of epochs. */
  public static final int EPOCHS = 5000;

  private final BiasTrickLinear model;
  private final List<List<Value>> inputs;
  /** Each input after the bias trick, {@code [x_i, 1]}, made once as the reference's X_biased. */
  private final List<List<Value>> biasedInputs;
  private final List<Value> targets;

  /**
   * Returns the problem with {@code [w, b]} drawn from {@code random}, as the reference program
   * draws them ({@code random.uniform(-1, 1)}, {@code w} then {@code b}).
   *
   * @throws NullPointerException if {@code random} is null
   */
  public ReferenceRegression(Random random) {
    this.model = new BiasTrickLinear(1, 1, Activation.LINEAR, Init.UNIFORM, random);
    List<List<Value>> xs = new ArrayList<>(DATA_SIZE);
    List<List<Value>> biased = new ArrayList<>(DATA_SIZE);
    List<Value> ys = new ArrayList<>(DATA_SIZE);
    for (int i = 0; i < DATA_SIZE; i++) {
      xs.add(List.of(Value.of(input(i))));
      biased.add(Vectors.withBias(xs.get(i)));
      ys.add(Value.of(target(i)));
    }
    this.inputs = Collections.unmodifiableList(xs);
    this.biasedInputs = Collections.unmodifiableList(biased);
    this.targets = Collections.unmodifiableList(ys);
  }

  /** Returns the problem starting from {@code w = w0, b = b0}, like the reference's flags. */
  public ReferenceRegression(double w0, double b0) {
    this(new Random(0));
    weight().setData(w0);
    bias().setData(b0);
  }

  /** Returns input {@code i}: {@code 0.5 i}. */
  public static double input(int i) {
    return i * 0.5;
  }

  /** Returns target {@code i}: {@code 2 x_i + 10}. */
  public static double target(int i) {
    return 2.0 * input(i) + 10.0;
  }

  /** Returns the model; its parameters are {@code [w, b]}. */
  public BiasTrickLinear model() {
    return model;
  }

  /** Returns the weight {@code w}, a live parameter. */
  public Value weight() {
    return model.parameters().get(0);
  }

  /** Returns the bias {@code b}, a live parameter. */
  public Value bias() {
    return model.parameters().get(1);
  }

  /** Returns the inputs as leaves, one one-element list per point, unmodifiable. */
  public List<List<Value>> inputs() {
    return inputs;
  }

  /** Returns the targets as leaves, unmodifiable. */
  public List<Value> targets() {
    return targets;
  }

  /**
   * Builds and returns the mean squared error of the model's predictions for the current {@code
   * w} and {@code b}: the reference program's {@code dot(x_vec, W)} per point, then its loss. As
   * in the reference program, each point's {@code [x_i, 1]} ({@code X_biased}) is made once, when
   * the problem is, and reused by every call ({@link BiasTrickLinear#forwardBiased(List)}).
   */
  public Value loss() {
    List<Value> predictions = new ArrayList<>(DATA_SIZE);
    for (int i = 0; i < DATA_SIZE; i++) {
      predictions.add(model.forwardBiased(biasedInputs.get(i)).get(0));
    }
    return MseLoss.of(predictions, targets);
  }

  /**
   * Runs one epoch of the reference program's loop: builds the loss, clears the grads, calls
   * {@code backward()} and steps {@code optimizer} (which must update {@link #model()}'s
   * parameters); returns the loss before the step, which the reference program prints.
   *
   * @throws NullPointerException if {@code optimizer} is null
   */
  public double epoch(Optimizer optimizer) {
    requireNonNull(optimizer, "optimizer");
    Value loss = loss();
    optimizer.zeroGrad();
    loss.backward();
    optimizer.step();
    return loss.data();
  }
}
