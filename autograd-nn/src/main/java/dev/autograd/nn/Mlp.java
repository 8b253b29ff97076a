package dev.autograd.nn;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.autograd.core.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A multi-layer perceptron, micrograd's {@code MLP}: {@link NeuronLayer}s applied in turn, the
 * hidden
 * ones with a chosen nonlinearity and the last one {@link Activation#LINEAR}. For example {@code
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
   * are drawn layer by layer, neuron by neuron, from {@code init}; biases start at 0.
   *
   * @throws IllegalArgumentException if {@code inputs} is below 1, {@code sizes} is empty or a
   *     size is below 1
   * @throws NullPointerException if {@code sizes}, a size, {@code hidden}, {@code init} or {@code
   *     random} is null
   */
  public Mlp(int inputs, List<Integer> sizes, Activation hidden, Init init, Random random) {
    checkNotNull(sizes, "sizes");
    checkNotNull(hidden, "hidden");
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
      Activation activation = k == sizes.size() - 1 ? Activation.LINEAR : hidden;
      NeuronLayer layer = new NeuronLayer(fanIn, sizes.get(k), activation, init, random);
      list.add(layer);
      all.addAll(layer.parameters());
      fanIn = sizes.get(k);
    }
    this.layers = Collections.unmodifiableList(list);
    this.parameters = Collections.unmodifiableList(all);
  }

  /**
   * Returns the last layer's outputs for {@code x}, feeding each layer's outputs to the next.
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
