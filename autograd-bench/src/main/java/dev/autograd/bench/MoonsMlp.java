package dev.autograd.bench;

import dev.autograd.core.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * micrograd's moons classifier built from core {@link Value}s only (the bench does not depend on
 * autograd-nn): a 2 → 16 → 16 → 1 perceptron with relu hidden layers and a linear output, trained
 * on 100 two-moons points with the mean hinge loss {@code relu(1 - y s)}, labels {@code ±1}.
 *
 * <p>A neuron computes {@code Value.sum([w_1 x_1, ..., w_n x_n]).add(b)}. Weights start uniform in
 * {@code [-1, 1)} and the data has Gaussian noise {@code 0.1}, both drawn from one seeded {@link
 * Random}, so every instance built with the same seed is identical.
 */
final class MoonsMlp {
  static final int POINTS = 100;
  private static final int[] SIZES = {2, 16, 16, 1};

  /** {@code layers[l][j]} holds neuron j's weights followed by its bias. */
  private final Value[][][] layers = new Value[SIZES.length - 1][][];
  private final List<Value> parameters = new ArrayList<>();
  private final Value[][] inputs = new Value[POINTS][];
  private final double[] labels = new double[POINTS];

  MoonsMlp(long seed) {
    Random random = new Random(seed);
    for (int l = 0; l < layers.length; l++) {
      layers[l] = new Value[SIZES[l + 1]][SIZES[l] + 1];
      for (Value[] neuron : layers[l]) {
        for (int i = 0; i < neuron.length; i++) {
          neuron[i] = Value.of(random.nextDouble() * 2 - 1);
          parameters.add(neuron[i]);
        }
      }
    }
    int half = POINTS / 2;
    for (int i = 0; i < POINTS; i++) {
      boolean outer = i < half;
      double t = Math.PI * (outer ? i : i - half) / (half - 1);
      double px = outer ? Math.cos(t) : 1 - Math.cos(t);
      double py = outer ? Math.sin(t) : 0.5 - Math.sin(t);
      inputs[i] =
          new Value[] {
            Value.of(px + 0.1 * random.nextGaussian()), Value.of(py + 0.1 * random.nextGaussian())
          };
      labels[i] = outer ? -1.0 : 1.0;
    }
  }

  /** Returns the trainable parameters, layer by layer, each neuron's weights then its bias. */
  List<Value> parameters() {
    return parameters;
  }

  /** Returns the network's score for one input. */
  Value score(Value[] x) {
    Value[] activations = x;
    for (int l = 0; l < layers.length; l++) {
      boolean hidden = l < layers.length - 1;
      Value[] next = new Value[layers[l].length];
      for (int j = 0; j < next.length; j++) {
        Value[] neuron = layers[l][j];
        List<Value> products = new ArrayList<>(activations.length);
        for (int i = 0; i < activations.length; i++) {
          products.add(neuron[i].mul(activations[i]));
        }
        Value act = Value.sum(products).add(neuron[activations.length]);
        next[j] = hidden ? act.relu() : act;
      }
      activations = next;
    }
    return activations[0];
  }

  /** Builds and returns the mean hinge loss over the 100 points. */
  Value loss() {
    List<Value> losses = new ArrayList<>(POINTS);
    for (int i = 0; i < POINTS; i++) {
      losses.add(score(inputs[i]).mul(-labels[i]).add(1.0).relu());
    }
    return Value.sum(losses).mul(1.0 / POINTS);
  }

  /**
   * Builds and returns micrograd's full moons loss: the mean hinge loss plus its L2 term {@code
   * alpha * sum(p * p)} over the parameters ({@code alpha = 1e-4} in micrograd's demo notebook);
   * {@code alpha = 0} builds exactly {@link #loss()}.
   */
  Value loss(double alpha) {
    Value dataLoss = loss();
    if (alpha == 0) {
      return dataLoss;
    }
    List<Value> squares = new ArrayList<>(parameters.size());
    for (Value p : parameters) {
      squares.add(p.mul(p));
    }
    return dataLoss.add(Value.sum(squares).mul(alpha));
  }

  /** Returns a copy of neuron {@code j} of layer {@code l}: its weights, then its bias. */
  double[] neuron(int l, int j) {
    return Arrays.stream(layers[l][j]).mapToDouble(Value::data).toArray();
  }

  /** Returns the layer sizes, inputs first: {@code {2, 16, 16, 1}}. */
  static int[] sizes() {
    return SIZES.clone();
  }

  /** Returns input point {@code i} as {@code {x, y}}. */
  double[] input(int i) {
    return new double[] {inputs[i][0].data(), inputs[i][1].data()};
  }

  /** Returns the label of point {@code i}, {@code -1} or {@code 1}. */
  double label(int i) {
    return labels[i];
  }

  /**
   * Builds one example's share of the mean hinge loss, {@code relu(1 + s * negLabel) / 100} with
   * {@code s} the score of {@code x}: the graph a per-example replay records, with {@code x} and
   * {@code negLabel} as its inputs. Summed over the 100 examples (rows of {@link #examples()}) it
   * is {@link #loss()} up to rounding.
   */
  Value exampleLoss(Value[] x, Value negLabel) {
    return score(x).mul(negLabel).add(1.0).relu().mul(1.0 / POINTS);
  }

  /** Returns one row per point: {@code {x, y, -label}}, the inputs of {@link #exampleLoss}. */
  double[][] examples() {
    double[][] rows = new double[POINTS][];
    for (int i = 0; i < POINTS; i++) {
      rows[i] = new double[] {inputs[i][0].data(), inputs[i][1].data(), -labels[i]};
    }
    return rows;
  }

  /** Moves every parameter by {@code -learningRate * grad} (plain SGD). */
  void update(double learningRate) {
    for (Value p : parameters) {
      p.setData(p.data() - learningRate * p.grad());
    }
  }
}
