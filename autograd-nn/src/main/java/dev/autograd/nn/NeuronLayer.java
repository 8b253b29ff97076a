package dev.autograd.nn;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.autograd.core.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A fully connected layer as micrograd's {@code Layer} writes it: a list of {@link Neuron}s
 * reading the same inputs, each summing from its bias (which starts at 0). Its {@link
 * #parameters()} are each neuron's parameters in turn. {@link BiasTrickLinear} is the same
 * function written with the reference program's bias trick (bias drawn at random, summed last).
 */
public final class NeuronLayer implements Module {
  private final int inputs;
  private final Activation activation;
  private final List<Neuron> neurons;
  private final List<Value> parameters;

  /**
   * Returns a layer of {@code outputs} neurons with {@code inputs} inputs each, drawn neuron by
   * neuron from {@code init} (fan-in {@code inputs}, fan-out {@code outputs}).
   *
   * @throws IllegalArgumentException if {@code inputs} or {@code outputs} is below 1
   * @throws NullPointerException if {@code activation}, {@code init} or {@code random} is null
   */
  public NeuronLayer(int inputs, int outputs, Activation activation, Init init, Random random) {
    checkArgument(inputs >= 1 && outputs >= 1,
        "inputs and outputs must be at least 1, got inputs=%s, outputs=%s", inputs, outputs);
    this.inputs = inputs;
    this.activation = checkNotNull(activation, "activation");
    List<Neuron> list = new ArrayList<>(outputs);
    List<Value> all = new ArrayList<>(outputs * (inputs + 1));
    for (int j = 0; j < outputs; j++) {
      Neuron n = new Neuron(inputs, outputs, activation, init, random);
      list.add(n);
      all.addAll(n.parameters());
    }
    this.neurons = Collections.unmodifiableList(list);
    this.parameters = Collections.unmodifiableList(all);
  }

  /**
   * Returns each neuron's output for {@code x}, in neuron order, as an unmodifiable list: one
   * node per neuron, {@link Value#dotRelu} for a relu layer, else the activation of a {@link
   * Value#dot} node ({@link Neuron#forward}). The neurons' dot nodes share one copy of {@code x}
   * ({@link Value#vector}), and the returned list
   * is such a vector too, so the next layer's neurons share it as it is.
   *
   * @throws NullPointerException if {@code x} or any element is null
   * @throws IllegalArgumentException if {@code x} does not hold {@link #inputs()} values
   */
  public List<Value> forward(List<Value> x) {
    checkNotNull(x, "x");
    checkArgument(x.size() == inputs, "expected %s inputs, got %s", inputs, x.size());
    for (int i = 0; i < x.size(); i++) {
      checkNotNull(x.get(i), "x[%s] is null", i);
    }
    // One copy of x for all neurons, which their dot nodes share (Value.vector).
    List<Value> in = Value.vector(x);
    Value[] out = new Value[neurons.size()];
    for (int j = 0; j < out.length; j++) {
      out[j] = neurons.get(j).forward(in);
    }
    return Value.vector(Arrays.asList(out));
  }

  /**
   * Returns each neuron's {@link Neuron#predict(double[])} for {@code x}, in neuron order (each
   * neuron checks {@code x}), building no graph; equal bit for bit to the data of {@link
   * #forward(List)} on leaves holding {@code x}.
   *
   * @throws NullPointerException if {@code x} is null
   * @throws IllegalArgumentException if {@code x} does not hold {@link #inputs()} values
   */
  public double[] predict(double[] x) {
    double[] out = new double[neurons.size()];
    for (int j = 0; j < out.length; j++) {
      out[j] = neurons.get(j).predict(x);
    }
    return out;
  }

  /** Returns the number of inputs. */
  public int inputs() {
    return inputs;
  }

  /** Returns the number of outputs (neurons). */
  public int outputs() {
    return neurons.size();
  }

  /** Returns the activation of every neuron. */
  public Activation activation() {
    return activation;
  }

  /** Returns the neurons, unmodifiable. */
  public List<Neuron> neurons() {
    return neurons;
  }

  /** Returns every neuron's parameters in neuron order, unmodifiable. */
  @Override
  public List<Value> parameters() {
    return parameters;
  }

  /** Returns the shape, as in {@code NeuronLayer(2 -> 16, RELU)}. */
  @Override
  public String toString() {
    return "NeuronLayer(" + inputs + " -> " + neurons.size() + ", " + activation + ")";
  }
}
