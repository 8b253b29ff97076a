package dev.autograd.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autograd.core.Value;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MlpTest {
  @Test
  void microgradsMoonsNetworkHas337Parameters() {
    Mlp mlp = new Mlp(2, List.of(16, 16, 1), Activation.RELU, Init.UNIFORM, new Random(1337));
    assertEquals(337, mlp.parameters().size());
    assertEquals("Mlp(2 -> 16 RELU -> 16 RELU -> 1 LINEAR, 337 parameters)", mlp.toString());
  }

  @Test
  void hiddenLayersUseTheGivenActivationAndTheLastIsLinear() {
    Mlp mlp = new Mlp(3, List.of(4, 5, 2), Activation.TANH, Init.XAVIER, new Random(1));
    List<NeuronLayer> layers = mlp.layers();
    assertEquals(3, layers.size());
    assertEquals(Activation.TANH, layers.get(0).activation());
    assertEquals(Activation.TANH, layers.get(1).activation());
    assertEquals(Activation.LINEAR, layers.get(2).activation());
    assertEquals(3, layers.get(0).inputs());
    assertEquals(4, layers.get(1).inputs());
    assertEquals(5, layers.get(2).inputs());
    assertEquals(3, mlp.inputs());
  }

  @Test
  void forwardFeedsEachLayerIntoTheNext() {
    Mlp mlp = new Mlp(2, List.of(3, 2), Activation.RELU, Init.UNIFORM, new Random(21));
    List<Value> x = List.of(Value.of(0.5), Value.of(-1.5));
    List<Value> out = mlp.forward(x);
    List<Value> byHand = mlp.layers().get(1).forward(mlp.layers().get(0).forward(x));
    assertEquals(2, out.size());
    for (int j = 0; j < 2; j++) {
      assertEquals(byHand.get(j).data(), out.get(j).data(), 0.0);
    }
  }

  @Test
  void sameSeedGivesTheSameNetwork() {
    Mlp a = new Mlp(2, List.of(4, 1), Activation.RELU, Init.HE, new Random(99));
    Mlp b = new Mlp(2, List.of(4, 1), Activation.RELU, Init.HE, new Random(99));
    for (int i = 0; i < a.parameters().size(); i++) {
      assertEquals(a.parameters().get(i).data(), b.parameters().get(i).data(), 0.0);
    }
  }

  @Test
  void badSizesAreRejectedNamingThem() {
    Random r = new Random(0);
    assertEquals("sizes must name at least one layer, got []",
        assertThrows(IllegalArgumentException.class,
            () -> new Mlp(2, List.of(), Activation.RELU, Init.UNIFORM, r)).getMessage());
    assertEquals("every layer size must be at least 1, got sizes[1]=0 in [3, 0, 1]",
        assertThrows(IllegalArgumentException.class,
            () -> new Mlp(2, List.of(3, 0, 1), Activation.RELU, Init.UNIFORM, r)).getMessage());
    assertEquals("inputs must be at least 1, got 0",
        assertThrows(IllegalArgumentException.class,
            () -> new Mlp(0, List.of(1), Activation.RELU, Init.UNIFORM, r)).getMessage());
    assertEquals("sizes[1] is null",
        assertThrows(NullPointerException.class,
            () -> new Mlp(2, Arrays.asList(1, null), Activation.RELU, Init.UNIFORM, r))
            .getMessage());
    assertThrows(NullPointerException.class,
        () -> new Mlp(2, List.of(1), null, Init.UNIFORM, r));
  }

  @Test
  void wrongInputCountIsRejected() {
    Mlp mlp = new Mlp(2, List.of(3, 1), Activation.RELU, Init.UNIFORM, new Random(0));
    assertEquals("expected 2 inputs, got 3", assertThrows(IllegalArgumentException.class,
        () -> mlp.forward(List.of(Value.of(1), Value.of(2), Value.of(3)))).getMessage());
  }
}
