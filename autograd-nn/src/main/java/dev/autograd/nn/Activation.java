package dev.autograd.nn;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.autograd.core.Value;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * A function applied to each output of a layer, built from the core ops. Each activation also
 * applies to a plain {@code double}, for inference without a graph: {@link #apply(double)} returns
 * bit for bit the data of {@link #apply(Value)} on a leaf holding the same number (the same
 * arithmetic as the core op, checked by a test over special and random values).
 */
public enum Activation {
  /** The identity: returns its input node itself, adding nothing to the graph. */
  LINEAR(v -> v, x -> x),
  /** {@code max(0, v)}, see {@link Value#relu()}. */
  RELU(Value::relu, x -> x < 0 ? 0.0 : x),
  /** {@code tanh(v)}, see {@link Value#tanh()}. */
  TANH(Value::tanh, Math::tanh),
  /** {@code 1 / (1 + e^-v)}, see {@link Value#sigmoid()}. */
  SIGMOID(Value::sigmoid, x -> 1.0 / (1.0 + Math.exp(-x)));

  private final UnaryOperator<Value> onNode;
  private final DoubleUnaryOperator onNumber;

  Activation(UnaryOperator<Value> onNode, DoubleUnaryOperator onNumber) {
    this.onNode = onNode;
    this.onNumber = onNumber;
  }

  /**
   * Returns this activation of {@code v}: {@code v} itself for {@link #LINEAR}, otherwise a new
   * node.
   *
   * @throws NullPointerException if {@code v} is null
   */
  public Value apply(Value v) {
    return onNode.apply(checkNotNull(v, "v"));
  }

  /**
   * Returns this activation of {@code x}, equal bit for bit to {@code apply(Value.of(x)).data()},
   * building no graph. NaN stays NaN; infinities follow the op's IEEE 754 arithmetic ({@code
   * tanh(±inf) = ±1}, {@code relu(inf) = inf}, {@code sigmoid(-inf) = 0}).
   */
  public double apply(double x) {
    return onNumber.applyAsDouble(x);
  }
}
