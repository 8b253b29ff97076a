package dev.autograd.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autograd.core.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NeuronLayerTest {
  @Test
  void layerHoldsOneNeuronPerOutputWithParametersInNeuronOrder() {
    NeuronLayer layer = new NeuronLayer(3, 4, Activation.TANH, Init.XAVIER, new Random(4));
    assertEquals(4, layer.neurons().size());
    assertEquals(16, layer.parameters().size());
    List<Value> expected = new ArrayList<>();
    for (Neuron n : layer.neurons()) {
      expected.addAll(n.parameters());
      assertEquals(Activation.TANH, n.activation());
    }
    assertEquals(expected, layer.parameters());
    assertEquals("NeuronLayer(3 -> 4, TANH)", layer.toString());
    assertEquals(3, layer.inputs());
    assertEquals(4, layer.outputs());
  }

  @Test
  void forwardGivesEachNeuronsOutputForTheSameInputs() {
    NeuronLayer layer = new NeuronLayer(2, 3, Activation.RELU, Init.UNIFORM, new Random(8));
    List<Value> x = List.of(Value.of(0.3), Value.of(-0.7));
    List<Value> out = layer.forward(x);
    assertEquals(3, out.size());
    for (int j = 0; j < 3; j++) {
      assertEquals(layer.neurons().get(j).forward(x).data(), out.get(j).data(), 0.0);
    }
  }

  @Test
  void forwardReturnsAnUnmodifiableListAndLeavesXAsItWas() {
    NeuronLayer layer = new NeuronLayer(2, 3, Activation.RELU, Init.UNIFORM, new Random(8));
    List<Value> x = new ArrayList<>(List.of(Value.of(0.3), Value.of(-0.7)));
    List<Value> copy = List.copyOf(x);
    List<Value> out = layer.forward(x);
    assertEquals(copy, x);
    assertThrows(UnsupportedOperationException.class, () -> out.set(0, x.get(0)));
    x.set(0, Value.of(5.0)); // changing x afterwards changes nothing already built
    assertEquals(List.of(layer.neurons().get(0).bias(), layer.neurons().get(0).weights().get(0),
        copy.get(0), layer.neurons().get(0).weights().get(1), copy.get(1)),
        out.get(0).children()); // one relu(dot) node per neuron
  }

  @Test
  void xavierDrawsUseTheLayersFanOut() {
    Random draws = new Random(2);
    NeuronLayer layer = new NeuronLayer(2, 6, Activation.TANH, Init.XAVIER, new Random(2));
    for (Neuron n : layer.neurons()) {
      for (Value w : n.weights()) {
        assertEquals(Init.XAVIER.sample(draws, 2, 6), w.data(), 0.0);
      }
    }
  }

  @Test
  void wrongInputCountIsRejected() {
    NeuronLayer layer = new NeuronLayer(2, 3, Activation.RELU, Init.UNIFORM, new Random(8));
    assertEquals("expected 2 inputs, got 1", assertThrows(IllegalArgumentException.class,
        () -> layer.forward(List.of(Value.of(1)))).getMessage());
  }

  @Test
  void badShapesAreRejectedNamingThem() {
    assertEquals("inputs and outputs must be at least 1, got inputs=2, outputs=0",
        assertThrows(IllegalArgumentException.class,
            () -> new NeuronLayer(2, 0, Activation.RELU, Init.UNIFORM, new Random(0)))
            .getMessage());
  }
}
