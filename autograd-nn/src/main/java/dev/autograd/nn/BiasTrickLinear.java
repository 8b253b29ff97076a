package dev.autograd.nn;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.autograd.core.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A fully connected layer written with the reference program's bias trick: output {@code j} is
 * {@code activation(dot(withBias(x), row_j))}, where {@code row_j = [w_j1, ..., w_jn, b_j]} holds
 * the weights followed by the bias, so the bias is one more weight, drawn like the others, and is
 * added last ({@code w_j1*x_1 + ... + w_jn*x_n + b_j*1}, {@link Vectors#dot(List, List)}: the
 * reference program's sum, which starts from a constant 0, without that 0). Dropping the 0 changes
 * one thing: where every product {@code x_i*w_ji} and {@code 1*b_j} is {@code -0.0}, the sum
 * before the activation is {@code -0.0} where the reference program's is {@code 0.0}; every other
 * value and gradient is the reference program's. With one input and one output and
 * {@link Activation#LINEAR} it is the reference program's demo 2 model, whose {@link
 * #parameters()} are {@code [w, b]}. {@link NeuronLayer} is the same function written as
 * micrograd writes it (bias starting at 0 and summed first).
 *
 * <p>Parameters are labelled {@code w[j][i]} and {@code b[j]} (from 0) and drawn from {@code
 * init} row by row, the weights of a row then its bias.
 */
public final class BiasTrickLinear implements Module {
  private final int inputs;
  private final Activation activation;
  private final List<List<Value>> rows;
  private final List<Value> parameters;

  /**
   * Returns a layer with {@code inputs} inputs and {@code outputs} outputs whose weights and biases
   * are drawn from {@code init} (fan-in {@code inputs}, fan-out {@code outputs}) using {@code
   * random}.
   *
   * @throws IllegalArgumentException if {@code inputs} or {@code outputs} is below 1
   * @throws NullPointerException if {@code activation}, {@code init} or {@code random} is null
   */
  public BiasTrickLinear(int inputs, int outputs, Activation activation, Init init, Random random) {
    checkArgument(inputs >= 1 && outputs >= 1,
        "inputs and outputs must be at least 1, got inputs=%s, outputs=%s", inputs, outputs);
    this.inputs = inputs;
    this.activation = checkNotNull(activation, "activation");
    checkNotNull(init, "init");
    checkNotNull(random, "random");
    List<List<Value>> rowList = new ArrayList<>(outputs);
    List<Value> all = new ArrayList<>(outputs * (inputs + 1));
    for (int j = 0; j < outputs; j++) {
      List<Value> row = new ArrayList<>(inputs + 1);
      for (int i = 0; i < inputs; i++) {
        row.add(Value.of(init.sample(random, inputs, outputs), "w[" + j + "][" + i + "]"));
      }
      row.add(Value.of(init.sample(random, inputs, outputs), "b[" + j + "]"));
      rowList.add(Value.vector(row)); // dot nodes read it without a copy
      all.addAll(row);
    }
    this.rows = Collections.unmodifiableList(rowList);
    this.parameters = Collections.unmodifiableList(all);
  }

  /**
   * Returns one new node per output, {@code activation(dot(withBias(x), row_j))}, in a list the
   * caller must not modify (unmodifiable for a single output).
   *
   * @throws NullPointerException if {@code x} or any element is null
   * @throws IllegalArgumentException if {@code x} does not hold {@link #inputs()} values
   */
  public List<Value> forward(List<Value> x) {
    checkNotNull(x, "x");
    checkArgument(x.size() == inputs, "expected %s inputs, got %s", inputs, x.size());
    return outputs(Vectors.withBias(x));
  }

  /**
   * Returns one new node per output, {@code activation(dot(biased, row_j))}, in a list as {@link
   * #forward(List)}'s, for an input that
   * already went through the bias trick: {@code biased} is {@code [x_1, ..., x_n, 1]}, as {@link
   * Vectors#withBias(List)} returns it. The reference program augments its inputs once ({@code
   * X_biased}) and reuses them every epoch; this lets a training loop do the same instead of
   * making a new constant leaf 1 per call of {@link #forward(List)}. The nodes made and their
   * values are those of {@code forward(x)}, the reference program's bit for bit (see {@link
   * Vectors#dot(List, List)}); the last element is used as given (it is not checked to be 1).
   *
   * @throws NullPointerException if {@code biased} or any element is null
   * @throws IllegalArgumentException if {@code biased} does not hold {@code inputs() + 1} values
   */
  public List<Value> forwardBiased(List<Value> biased) {
    checkNotNull(biased, "biased");
    checkArgument(biased.size() == inputs + 1,
        "expected %s inputs followed by the bias trick's 1, got %s values", inputs,
        biased.size());
    return outputs(biased);
  }

  private List<Value> outputs(List<Value> biased) {
    if (rows.size() == 1) { // demo 2's model: one small list instead of a growable one
      return List.of(activation.apply(Vectors.dot(biased, rows.get(0))));
    }
    List<Value> out = new ArrayList<>(rows.size());
    for (int j = 0; j < rows.size(); j++) {
      out.add(activation.apply(Vectors.dot(biased, rows.get(j))));
    }
    return out;
  }

  /**
   * Returns {@code activation(0 + x_1*w_j1 + ... + x_n*w_jn + 1*b_j)} for each output {@code j},
   * building no graph: the same operations in the same order as {@link #forward(List)}, so each
   * element equals the data of {@code forward} on leaves holding {@code x} bit for bit. NaN and
   * infinities propagate as IEEE 754 arithmetic does.
   *
   * @throws NullPointerException if {@code x} is null
   * @throws IllegalArgumentException if {@code x} does not hold {@link #inputs()} values
   */
  public double[] predict(double[] x) {
    checkNotNull(x, "x");
    checkArgument(x.length == inputs, "expected %s inputs, got %s", inputs, x.length);
    double[] out = new double[rows.size()];
    for (int j = 0; j < out.length; j++) {
      List<Value> row = rows.get(j);
      double sum = 0.0; // Vectors.dot's constant 0: a sum of -0.0 products is 0.0
      for (int i = 0; i < inputs; i++) {
        sum = sum + x[i] * row.get(i).data();
      }
      sum = sum + 1.0 * row.get(inputs).data();
      out[j] = activation.apply(sum);
    }
    return out;
  }

  /**
   * Returns the rows {@code [w_j1, ..., w_jn, b_j]}, one per output, as unmodifiable views of the
   * live parameters.
   */
  public List<List<Value>> rows() {
    return rows;
  }

  /** Returns the number of inputs. */
  public int inputs() {
    return inputs;
  }

  /** Returns the number of outputs. */
  public int outputs() {
    return rows.size();
  }

  /** Returns the activation applied to each output. */
  public Activation activation() {
    return activation;
  }

  /**
   * Returns the parameters in row order: {@code w_11..w_1n, b_1, w_21, ..., b_m}, unmodifiable.
   */
  @Override
  public List<Value> parameters() {
    return parameters;
  }

  /** Returns the shape, as in {@code BiasTrickLinear(2 -> 3, TANH)}. */
  @Override
  public String toString() {
    return "BiasTrickLinear(" + inputs + " -> " + outputs() + ", " + activation + ")";
  }
}
