package dev.autograd.examples;

import dev.autograd.core.Value;
import dev.autograd.nn.Activation;
import dev.autograd.nn.Init;
import dev.autograd.nn.Mlp;
import dev.autograd.optim.HingeLoss;
import dev.autograd.optim.Regularization;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * micrograd's moons problem, defined once: {@value #POINTS} points of {@link TwoMoons} (noise
 * {@value #NOISE}) and an {@link Mlp} 2 → 16 → 16 → 1 with ReLU hidden layers, both drawn from one
 * seeded {@link Random} (data first), and micrograd's loss: the mean {@link HingeLoss} of the
 * scores plus {@code alpha * sum(p * p)} over the parameters ({@link Regularization#l2}). {@link
 * MoonsDemo} and the JMH MLP step train this one problem.
 *
 * <p>Not thread-safe: the model's parameters are mutable leaves.
 */
public final class MoonsProblem {
  /** Number of points, as in micrograd's demo. */
  public static final int POINTS = 100;

  /** Standard deviation of the points' Gaussian noise. */
  public static final double NOISE = 0.1;

  /** micrograd's L2 coefficient. */
  public static final double ALPHA = 1e-4;

  /** The layer sizes after the 2 inputs. */
  public static final List<Integer> SIZES = List.of(16, 16, 1);

  private final TwoMoons data;
  private final Mlp model;
  private final List<List<Value>> inputs;
  private final List<Value> labels;

  /** Returns the data and the model drawn from {@code new Random(seed)}, data first. */
  public MoonsProblem(long seed) {
    Random random = new Random(seed);
    this.data = TwoMoons.generate(POINTS, NOISE, random);
    this.model = new Mlp(2, SIZES, Activation.RELU, Init.UNIFORM, random);
    List<List<Value>> xs = new ArrayList<>(POINTS);
    List<Value> ys = new ArrayList<>(POINTS);
    for (int i = 0; i < POINTS; i++) {
      xs.add(List.of(Value.of(data.x()[i][0]), Value.of(data.x()[i][1])));
      ys.add(Value.of(data.y()[i]));
    }
    this.inputs = Collections.unmodifiableList(xs);
    this.labels = Collections.unmodifiableList(ys);
  }

  /** Returns the model, whose parameters training updates. */
  public Mlp model() {
    return model;
  }

  /** Returns the points as leaves {@code [x1, x2]}, unmodifiable. */
  public List<List<Value>> inputs() {
    return inputs;
  }

  /** Returns the labels as leaves, -1 (upper moon) or +1 (lower moon), unmodifiable. */
  public List<Value> labels() {
    return labels;
  }

  /** Returns the data as numbers. */
  TwoMoons data() {
    return data;
  }

  /** Builds and returns the model's score for every point, in point order. */
  public List<Value> scores() {
    List<Value> scores = new ArrayList<>(POINTS);
    for (List<Value> x : inputs) {
      scores.add(model.forward(x).get(0));
    }
    return scores;
  }

  /**
   * Returns micrograd's loss of {@code scores} (as {@link #scores()} builds them): the mean hinge
   * loss, plus {@code alpha * sum(p * p)} over the parameters unless {@code alpha} is 0.
   *
   * @throws NullPointerException if {@code scores} or an element is null
   * @throws IllegalArgumentException if {@code scores} does not hold one score per point, or
   *     {@code alpha} is negative or not finite
   */
  public Value loss(List<Value> scores, double alpha) {
    Value hinge = HingeLoss.of(scores, labels);
    return alpha == 0 ? hinge : hinge.add(Regularization.l2(model.parameters(), alpha));
  }

  /** Builds and returns {@code loss(scores(), alpha)}. */
  public Value loss(double alpha) {
    return loss(scores(), alpha);
  }
}
