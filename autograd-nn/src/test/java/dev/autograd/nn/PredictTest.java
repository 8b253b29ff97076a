package dev.autograd.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autograd.core.Value;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Inference without a graph: every {@code predict(double[])} returns bit for bit the data of
 * {@code forward} on leaves holding the same numbers ({@code assertArrayEquals} with delta 0
 * compares doubles by their bits, so -0.0 and 0.0 differ and NaN equals NaN).
 */
class PredictTest {
  private static final double[] SPECIAL = {0.0, -0.0, 1e-300, -1e-300, 0.5, -0.5, 1, -1, 20, -20,
      37, -37, 709, -745, 1e308, -1e308, Double.MIN_VALUE, Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY, Double.NaN};

  private static double[] data(List<Value> values) {
    return values.stream().mapToDouble(Value::data).toArray();
  }

  private static double[] randomInputs(Random random, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 3 * random.nextGaussian();
    }
    return x;
  }

  @Test
  void everyActivationOfANumberEqualsTheOpOnALeafBitForBit() {
    Random random = new Random(4);
    for (Activation a : Activation.values()) {
      for (double x : SPECIAL) {
        assertEquals(Double.doubleToRawLongBits(a.apply(Value.of(x)).data()),
            Double.doubleToRawLongBits(a.apply(x)), a + " at " + x);
      }
      for (int i = 0; i < 1000; i++) {
        double x = 40 * random.nextGaussian();
        assertEquals(a.apply(Value.of(x)).data(), a.apply(x), 0, a + " at " + x);
      }
    }
  }

  @Test
  void mlpPredictEqualsForwardBitForBitForEveryActivation() {
    Random random = new Random(12);
    for (Activation hidden : Activation.values()) {
      Mlp mlp = new Mlp(5, List.of(7, 6, 3), hidden, Init.XAVIER, random);
      for (int trial = 0; trial < 50; trial++) {
        double[] x = randomInputs(random, 5);
        assertArrayEquals(data(mlp.forward(Vectors.leaves(x))), mlp.predict(x), 0);
      }
    }
  }

  @Test
  void predictReadsTheLiveParametersAndNonFiniteInputsAsForwardDoes() {
    Mlp mlp = Mlp.withActivations(2, List.of(4, 2), List.of(Activation.RELU, Activation.SIGMOID),
        Init.HE, new Random(3));
    for (Value p : mlp.parameters()) {
      p.setData(p.data() * 1.5 + 0.25);
    }
    for (double a : SPECIAL) {
      double[] x = {a, -0.75};
      assertArrayEquals(data(mlp.forward(Vectors.leaves(x))), mlp.predict(x), 0);
    }
  }

  @Test
  void biasTrickLinearNeuronLayerAndNeuronPredictEqualForward() {
    Random random = new Random(77);
    for (Activation a : Activation.values()) {
      BiasTrickLinear linear = new BiasTrickLinear(4, 3, a, Init.UNIFORM, random);
      NeuronLayer layer = new NeuronLayer(4, 3, a, Init.UNIFORM, random);
      Neuron neuron = new Neuron(4, a, Init.UNIFORM, random);
      neuron.bias().setData(0.3);
      for (int trial = 0; trial < 50; trial++) {
        double[] x = randomInputs(random, 4);
        List<Value> leaves = Vectors.leaves(x);
        assertArrayEquals(data(linear.forward(leaves)), linear.predict(x), 0);
        assertArrayEquals(data(layer.forward(leaves)), layer.predict(x), 0);
        assertEquals(neuron.forward(leaves).data(), neuron.predict(x), 0);
      }
    }
  }

  @Test
  void predictAndForwardAgreeOnASumOfNegativeZeroProducts() {
    // Every product -0.0: Vectors.dot's leading constant 0 makes the sum 0.0, in both.
    BiasTrickLinear linear = new BiasTrickLinear(2, 1, Activation.LINEAR, Init.UNIFORM,
        new Random(5));
    Neuron neuron = new Neuron(2, Activation.LINEAR, Init.UNIFORM, new Random(5));
    for (Value p : linear.parameters()) {
      p.setData(-0.0);
    }
    for (Value p : neuron.parameters()) {
      p.setData(-0.0);
    }
    double[] x = {1.5, 2.0};
    assertArrayEquals(new double[] {0.0}, linear.predict(x), 0);
    assertArrayEquals(data(linear.forward(Vectors.leaves(x))), linear.predict(x), 0);
    // A neuron starts from its bias, as micrograd: -0.0 + -0.0 + -0.0 stays -0.0.
    assertEquals(-0.0, neuron.predict(x), 0);
    assertEquals(neuron.forward(Vectors.leaves(x)).data(), neuron.predict(x), 0);
  }

  @Test
  void predictChangesNoParameter() {
    Mlp mlp = new Mlp(3, List.of(4, 1), Activation.TANH, Init.XAVIER, new Random(8));
    mlp.forwardScalar(Vectors.leaves(1, 2, 3)).backward();
    double[] before = new double[2 * mlp.parameters().size()];
    for (int i = 0; i < mlp.parameters().size(); i++) {
      before[2 * i] = mlp.parameters().get(i).data();
      before[2 * i + 1] = mlp.parameters().get(i).grad();
    }
    mlp.predict(new double[] {4, 5, 6});
    for (int i = 0; i < mlp.parameters().size(); i++) {
      assertEquals(before[2 * i], mlp.parameters().get(i).data(), 0);
      assertEquals(before[2 * i + 1], mlp.parameters().get(i).grad(), 0);
    }
  }

  @Test
  void perLayerActivationsApplyInOrderIncludingTheLastLayer() {
    Mlp mlp = Mlp.withActivations(2, List.of(3, 3, 1),
        List.of(Activation.TANH, Activation.RELU, Activation.SIGMOID), Init.XAVIER,
        new Random(6));
    assertEquals("Mlp(2 -> 3 TANH -> 3 RELU -> 1 SIGMOID, 25 parameters)", mlp.toString());
    double[] x = {0.4, -1.1};
    double[] h = x;
    for (NeuronLayer layer : mlp.layers()) {
      h = layer.predict(h);
    }
    double out = mlp.predict(x)[0];
    assertEquals(h[0], out, 0);
    assertEquals(true, out > 0 && out < 1, "sigmoid output " + out);
    // The same draws as the one-activation constructor: only the activations differ.
    Mlp plain = new Mlp(2, List.of(3, 3, 1), Activation.TANH, Init.XAVIER, new Random(6));
    assertEquals(data(plain.parameters()).length, data(mlp.parameters()).length);
    assertArrayEquals(data(plain.parameters()), data(mlp.parameters()), 0);
  }

  @Test
  void aSingleOutputMlpForwardsToTheNodeItself() {
    Mlp mlp = new Mlp(2, List.of(4, 1), Activation.RELU, Init.HE, new Random(2));
    List<Value> x = Vectors.leaves(0.5, 2.0);
    Value out = mlp.forwardScalar(x);
    assertEquals(mlp.forward(x).get(0).data(), out.data(), 0);
    assertEquals(1, mlp.outputs());
    out.backward();
    assertEquals(true, x.get(0).grad() != 0 || x.get(1).grad() != 0);
  }

  @Test
  void leavesHoldTheNumbersInOrder() {
    List<Value> leaves = Vectors.leaves(1.5, -0.0, Double.NaN);
    assertArrayEquals(new double[] {1.5, -0.0, Double.NaN}, data(leaves), 0);
    for (Value v : leaves) {
      assertEquals(true, v.isLeaf());
    }
    assertEquals(0, Vectors.leaves().size());
  }
}
