package dev.autograd.nn;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.autograd.core.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * One unit as micrograd writes it: {@code activation(b + w_1*x_1 + ... + w_n*x_n)}, summed left to
 * right starting from the bias. As in micrograd the weights are drawn at random and the bias
 * starts at {@code 0}; {@link #parameters()} are {@code [w_1, ..., w_n, b]}.
 *
 * <p>The weighted sum is one fused node, {@link Value#dot}{@code (b, w, x)} (op {@code "dot"}),
 * where micrograd builds {@code 2n} nodes ({@code n} products and {@code n} sums): the same
 * numbers and gradients, in a graph {@code 2n - 1} nodes smaller per neuron. A relu neuron fuses
 * its activation too: one {@link Value#dotRelu}{@code (b, w, x)} node (op {@code "relu(dot)"})
 * instead of the dot node and a relu node, with the same value bit for bit and the same
 * gradients up to rounding where an input feeds several neurons (its javadoc says why). To see
 * each {@code +} and {@code *} of the sum, write the chain out as micrograd does (the javadoc of
 * {@link #forward(List)} shows it): it computes the same value bit for bit.
 */
public final class Neuron implements Module {
  private final List<Value> weights;
  /** {@link #weights} as an array, for {@link #predict(double[])}'s loop (no call per weight). */
  private final Value[] weightArray;
  private final Value bias;
  private final Activation activation;
  private final List<Value> parameters;

  /**
   * Returns a neuron with {@code inputs} weights drawn from {@code init} (fan-in {@code inputs},
   * fan-out 1) and a zero bias.
   *
   * @throws IllegalArgumentException if {@code inputs} is below 1
   * @throws NullPointerException if {@code activation}, {@code init} or {@code random} is null
   */
  public Neuron(int inputs, Activation activation, Init init, Random random) {
    this(inputs, 1, activation, init, random);
  }

  /** Draws the weights for a neuron of a layer with {@code fanOut} outputs. */
  Neuron(int inputs, int fanOut, Activation activation, Init init, Random random) {
    checkArgument(inputs >= 1 && fanOut >= 1,
        "inputs and outputs must be at least 1, got inputs=%s, outputs=%s", inputs, fanOut);
    this.activation = checkNotNull(activation, "activation");
    checkNotNull(init, "init");
    checkNotNull(random, "random");
    List<Value> w = new ArrayList<>(inputs);
    for (int i = 0; i < inputs; i++) {
      // One label string per index for all neurons (intern): a weight's only other object, so
      // the collector, copying each weight and then what it refers to, keeps a neuron's weights
      // side by side instead of each next to a string of its own. Eager moons step 152.5 -> 146.4
      // us (JMH medians, results-2026-11-30-eager6.md).
      w.add(Value.of(init.sample(random, inputs, fanOut), ("w" + i).intern()));
    }
    this.weights = Value.vector(w);
    this.weightArray = w.toArray(new Value[0]);
    this.bias = Value.of(0.0, "b");
    List<Value> all = new ArrayList<>(w);
    all.add(bias);
    this.parameters = Collections.unmodifiableList(all);
  }

  /**
   * Returns {@code activation(b + w_1*x_1 + ... + w_n*x_n)} as a new node (micrograd's {@code
   * Neuron.__call__}): the activation of one {@link Value#dot} node, {@code Value.dot(b, w, x)},
   * or for {@link Activation#RELU} the one node {@code Value.dotRelu(b, w, x)}, which has the
   * value of {@code Value.dot(b, w, x).relu()} bit for bit. Micrograd's chain of {@code +} and
   * {@code *} nodes, which has the same value bit for bit, is
   *
   * <pre>{@code
   * Value act = neuron.bias();
   * for (int i = 0; i < x.size(); i++) {
   *   act = act.add(neuron.weights().get(i).mul(x.get(i)));
   * }
   * Value out = neuron.activation().apply(act);
   * }</pre>
   *
   * @throws NullPointerException if {@code x} or any element is null
   * @throws IllegalArgumentException if {@code x} does not hold {@link #inputs()} values
   */
  public Value forward(List<Value> x) {
    checkNotNull(x, "x");
    checkArgument(x.size() == weights.size(), "expected %s inputs, got %s", weights.size(),
        x.size());
    boolean relu = activation == Activation.RELU;
    Value out;
    try {
      out = relu ? Value.dotRelu(bias, weights, x) : Value.dot(bias, weights, x);
    } catch (NullPointerException e) { // Value.dot names x "b": name it as x here
      for (int i = 0; i < x.size(); i++) {
        checkNotNull(x.get(i), "x[%s] is null", i);
      }
      throw e;
    }
    return relu ? out : activation.apply(out);
  }

  /**
   * Returns {@code activation(b + w_1*x_1 + ... + w_n*x_n)} for numbers, building no graph: the
   * same operations in the same order as {@link #forward(List)}, so the result equals the data of
   * {@code forward} on leaves holding {@code x} bit for bit. NaN and infinities propagate as IEEE
   * 754 arithmetic does.
   *
   * @throws NullPointerException if {@code x} is null
   * @throws IllegalArgumentException if {@code x} does not hold {@link #inputs()} values
   */
  public double predict(double[] x) {
    checkNotNull(x, "x");
    Value[] w = weightArray;
    checkArgument(x.length == w.length, "expected %s inputs, got %s", w.length, x.length);
    double act = bias.data();
    for (int i = 0; i < x.length; i++) {
      act = act + w[i].data() * x[i];
    }
    return activation.apply(act);
  }

  /** Returns the number of inputs. */
  public int inputs() {
    return weights.size();
  }

  /** Returns the weights as an unmodifiable view of the live parameters. */
  public List<Value> weights() {
    return weights;
  }

  /** Returns the bias parameter. */
  public Value bias() {
    return bias;
  }

  /** Returns the activation applied to the weighted sum. */
  public Activation activation() {
    return activation;
  }

  /** Returns {@code [w_1, ..., w_n, b]}, unmodifiable. */
  @Override
  public List<Value> parameters() {
    return parameters;
  }

  /** Returns the shape, as in {@code Neuron(2, RELU)}. */
  @Override
  public String toString() {
    return "Neuron(" + weights.size() + ", " + activation + ")";
  }
}
