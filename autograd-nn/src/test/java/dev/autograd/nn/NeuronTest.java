package dev.autograd.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autograd.core.Value;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NeuronTest {
  @Test
  void weightsAreDrawnAndTheBiasStartsAtZeroLikeMicrograd() {
    Random draws = new Random(9);
    Neuron n = new Neuron(3, Activation.RELU, Init.UNIFORM, new Random(9));
    for (Value w : n.weights()) {
      assertEquals(-1 + 2 * draws.nextDouble(), w.data(), 0.0);
    }
    assertEquals(0.0, n.bias().data());
    assertEquals(4, n.parameters().size());
    assertSame(n.bias(), n.parameters().get(3));
    assertEquals(3, n.inputs());
  }

  @Test
  void forwardSumsFromTheBiasThenAppliesTheActivation() {
    Neuron n = new Neuron(2, Activation.TANH, Init.UNIFORM, new Random(1));
    n.weights().get(0).setData(0.5);
    n.weights().get(1).setData(-2.0);
    n.bias().setData(0.25);
    Value out = n.forward(List.of(Value.of(1.0), Value.of(0.125)));
    assertEquals("tanh", out.op());
    Value act = out.children().get(0);
    assertEquals((0.25 + 0.5 * 1.0) + -2.0 * 0.125, act.data(), 0.0);
    assertEquals(Math.tanh(0.5), out.data(), 0.0);
    out.backward();
    double slope = 1 - Math.tanh(0.5) * Math.tanh(0.5);
    assertEquals(slope, n.bias().grad(), 1e-15);
    assertEquals(slope * 0.125, n.weights().get(1).grad(), 1e-15);
  }

  @Test
  void aReluNeuronIsOneFusedNodeWithTheValueOfDotThenRelu() {
    Neuron n = new Neuron(2, Activation.RELU, Init.UNIFORM, new Random(1));
    n.weights().get(0).setData(0.5);
    n.weights().get(1).setData(-2.0);
    n.bias().setData(0.25);
    Value x0 = Value.of(1.0);
    Value x1 = Value.of(0.125);
    Value out = n.forward(List.of(x0, x1));
    assertEquals("relu(dot)", out.op());
    assertEquals(List.of(n.bias(), n.weights().get(0), x0, n.weights().get(1), x1),
        out.children());
    assertEquals(Value.dot(n.bias(), n.weights(), List.of(x0, x1)).relu().data(), out.data(),
        0.0);
    out.backward();
    assertEquals(1.0, n.bias().grad(), 0.0);
    assertEquals(0.125, n.weights().get(1).grad(), 0.0);
    assertEquals(-2.0, x1.grad(), 0.0);
    // Below the kink: relu 0, no grad reaches the inputs.
    n.bias().setData(-1.0);
    Value off = n.forward(List.of(x0, x1));
    assertEquals(0.0, off.data(), 0.0);
    off.backward();
    assertEquals(0.0, n.bias().grad(), 0.0);
    assertEquals(0.0, x1.grad(), 0.0);
  }

  @Test
  void aReluNeuronNamesANullInputAsX() {
    Neuron n = new Neuron(2, Activation.RELU, Init.UNIFORM, new Random(1));
    assertEquals("x[1] is null", assertThrows(NullPointerException.class,
        () -> n.forward(java.util.Arrays.asList(Value.of(1), null))).getMessage());
    assertEquals("x", assertThrows(NullPointerException.class, () -> n.forward(null))
        .getMessage());
  }

  @Test
  void toStringShowsInputsAndActivation() {
    assertEquals("Neuron(2, RELU)",
        new Neuron(2, Activation.RELU, Init.HE, new Random(1)).toString());
  }

  @Test
  void wrongInputsAreRejected() {
    Neuron n = new Neuron(2, Activation.LINEAR, Init.UNIFORM, new Random(1));
    assertEquals("expected 2 inputs, got 3", assertThrows(IllegalArgumentException.class,
        () -> n.forward(List.of(Value.of(1), Value.of(2), Value.of(3)))).getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new Neuron(0, Activation.LINEAR, Init.UNIFORM, new Random(1)));
  }

  @Test
  void weightLabelsReadW0W1AndEachIndexIsOneStringSharedByEveryNeuron() {
    // One String per index (Neuron interns it) keeps a neuron's weights side by side under G1.
    List<Value> a = new Neuron(3, Activation.RELU, Init.UNIFORM, new Random(1)).parameters();
    List<Value> b = new Neuron(3, Activation.TANH, Init.HE, new Random(2)).parameters();
    for (int i = 0; i < 3; i++) {
      assertEquals("w" + i, a.get(i).label());
      assertSame(a.get(i).label(), b.get(i).label(), "w" + i);
    }
    assertEquals("b", a.get(3).label());
  }
}
