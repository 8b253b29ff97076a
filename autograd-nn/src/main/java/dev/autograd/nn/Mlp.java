package dev.autograd.nn;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import dev.autograd.core.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A multi-layer perceptron, micrograd's {@code MLP}: {@link NeuronLayer}s applied in turn, the
 * hidden ones with a chosen nonlinearity and the last one {@link Activation#LINEAR}, or each with
 * its own activation ({@link #withActivations}). For example {@code
 * new Mlp(2, List.of(16, 16, 1), Activation.RELU, Init.UNIFORM, random)} is micrograd's {@code
 * MLP(2, [16, 16, 1])} for the moons demo.
 */
public final class Mlp implements Module {
  private final int inputs;
  private final List<NeuronLayer> layers;
  private final List<Value> parameters;

  /**
   * Returns a network with {@code inputs} inputs and one layer per entry of {@code sizes} (its
   * number of outputs); the layers before the last use {@code hidden}, the last is linear. Weights
   * are drawn layer by layer, neuron by neuron, from {@code init}; biases start at 0. Same as
   * {@link #withActivations} with {@code [hidden, ..., hidden, LINEAR]}.
   *
   * @throws IllegalArgumentException if {@code inputs} is below 1, {@code sizes} is empty or a
   *     size is below 1
   * @throws NullPointerException if {@code sizes}, a size, {@code hidden}, {@code init} or {@code
   *     random} is null
   */
  public Mlp(int inputs, List<Integer> sizes, Activation hidden, Init init, Random random) {
    this(inputs, sizes, hiddenThenLinear(sizes, hidden), init, random);
  }

  private Mlp(
      int inputs, List<Integer> sizes, List<Activation> activations, Init init, Random random) {
    checkArgument(!sizes.isEmpty(), "sizes must name at least one layer, got %s", sizes);
    checkArgument(inputs >= 1, "inputs must be at least 1, got %s", inputs);
    for (int k = 0; k < sizes.size(); k++) {
      int size = checkNotNull(sizes.get(k), "sizes[%s] is null", k);
      checkArgument(size >= 1, "every layer size must be at least 1, got sizes[%s]=%s in %s", k,
          size, sizes);
    }
    this.inputs = inputs;
    List<NeuronLayer> list = new ArrayList<>(sizes.size());
    List<Value> all = new ArrayList<>();
    int fanIn = inputs;
    for (int k = 0; k < sizes.size(); k++) {
      NeuronLayer layer = new NeuronLayer(fanIn, sizes.get(k), activations.get(k), init, random);
      list.add(layer);
      all.addAll(layer.parameters());
      fanIn = sizes.get(k);
    }
    this.layers = Collections.unmodifiableList(list);
    this.parameters = Collections.unmodifiableList(all);
  }

  /**
   * Returns a network like {@link #Mlp(int, List, Activation, Init, Random)} whose layer {@code k}
   * uses {@code activations.get(k)}, the last one included (for instance {@code [RELU, RELU,
   * SIGMOID]} for a binary classifier whose output is a probability).
   *
   * @throws IllegalArgumentException if {@code inputs} is below 1, {@code sizes} is empty, a size
   *     is below 1, or {@code sizes} and {@code activations} differ in length
   * @throws NullPointerException if {@code sizes}, a size, {@code activations}, an activation,
   *     {@code init} or {@code random} is null
   */
  public static Mlp withActivations(int inputs, List<Integer> sizes, List<Activation> activations,
      Init init, Random random) {
    checkNotNull(sizes, "sizes");
    checkNotNull(activations, "activations");
    checkArgument(sizes.size() == activations.size(),
        "sizes and activations differ in length: %s vs %s", sizes.size(), activations.size());
    for (int k = 0; k < activations.size(); k++) {
      checkNotNull(activations.get(k), "activations[%s] is null", k);
    }
    return new Mlp(inputs, sizes, List.copyOf(activations), init, random);
  }

  /** Returns {@code [hidden, ..., hidden, LINEAR]}, one per size. */
  private static List<Activation> hiddenThenLinear(List<Integer> sizes, Activation hidden) {
    checkNotNull(sizes, "sizes");
    checkNotNull(hidden, "hidden");
    List<Activation> activations = new ArrayList<>(sizes.size());
    for (int k = 0; k < sizes.size(); k++) {
      activations.add(k == sizes.size() - 1 ? Activation.LINEAR : hidden);
    }
    return activations;
  }

  /**
   * Returns the last layer's outputs for {@code x}, feeding each layer's outputs to the next, as
   * an unmodifiable list.
   *
   * @throws NullPointerException if {@code x} or any element is null
   * @throws IllegalArgumentException if {@code x} does not hold {@link #inputs()} values
   */
  public List<Value> forward(List<Value> x) {
    List<Value> out = x;
    for (NeuronLayer layer : layers) {
      out = layer.forward(out);
    }
    return out;
  }

  /**
   * Returns the only output for {@code x}, the node itself rather than a list of one, for a
   * network whose last layer has one output (as micrograd's {@code MLP} returns {@code out[0]}).
   *
   * @throws IllegalStateException if the last layer has more than one output
   * @throws NullPointerException if {@code x} or any element is null
   * @throws IllegalArgumentException if {@code x} does not hold {@link #inputs()} values
   */
  public Value forwardScalar(List<Value> x) {
    int outputs = outputs();
    checkState(outputs == 1, "forwardScalar needs a single-output network, %s has %s outputs",
        this, outputs);
    return forward(x).get(0);
  }

  /**
   * Returns the last layer's outputs for {@code x} as numbers, feeding each layer's {@link
   * NeuronLayer#predict(double[])} to the next, building no graph; equal bit for bit to the data
   * of {@link #forward(List)} on leaves holding {@code x}. NaN and infinities propagate as IEEE
   * 754 arithmetic does.
   *
   * @throws NullPointerException if {@code x} is null
   * @throws IllegalArgumentException if {@code x} does not hold {@link #inputs()} values
   */
  public double[] predict(double[] x) {
    double[] out = x;
    for (NeuronLayer layer : layers) {
      out = layer.predict(out);
    }
    return out;
  }

  /** Returns the number of outputs, the last layer's. */
  public int outputs() {
    return layers.get(layers.size() - 1).outputs();
  }

  /** Returns the number of inputs. */
  public int inputs() {
    return inputs;
  }

  /** Returns the layers in order, unmodifiable. */
  public List<NeuronLayer> layers() {
    return layers;
  }

  /** Returns every layer's parameters in layer order, unmodifiable. */
  @Override
  public List<Value> parameters() {
    return parameters;
  }

  /**
   * Returns the shapes, as in {@code Mlp(2 -> 16 RELU -> 16 RELU -> 1 LINEAR, 337 parameters)}.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Mlp(").append(inputs);
    for (NeuronLayer layer : layers) {
      sb.append(" -> ").append(layer.outputs()).append(' ').append(layer.activation());
    }
    return sb.append(", ").append(parameters.size()).append(" parameters)").toString();
  }
}
