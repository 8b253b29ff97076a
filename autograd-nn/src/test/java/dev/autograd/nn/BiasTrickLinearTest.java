package dev.autograd.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autograd.core.Value;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BiasTrickLinearTest {
  @Test
  void demoTwoModelHasParametersWeightThenBiasDrawnLikeTheSeed() {
    Random seedOrder = new Random(5);
    double w = -1 + 2 * seedOrder.nextDouble();
    double b = -1 + 2 * seedOrder.nextDouble();
    BiasTrickLinear model =
        new BiasTrickLinear(1, 1, Activation.LINEAR, Init.UNIFORM, new Random(5));
    assertEquals(2, model.parameters().size());
    assertEquals(w, model.parameters().get(0).data(), 0.0);
    assertEquals(b, model.parameters().get(1).data(), 0.0);
  }

  @Test
  void forwardIsTheSeedsDotOfTheBiasedInputWithTheRow() {
    BiasTrickLinear model =
        new BiasTrickLinear(1, 1, Activation.LINEAR, Init.UNIFORM, new Random(0));
    model.parameters().get(0).setData(0.25);
    model.parameters().get(1).setData(-0.5);
    Value x = Value.of(3.5);
    Value y = model.forward(List.of(x)).get(0);
    assertEquals((0.0 + 3.5 * 0.25) + 1.0 * -0.5, y.data(), 0.0);
    y.backward();
    assertEquals(3.5, model.parameters().get(0).grad());
    assertEquals(1.0, model.parameters().get(1).grad());
    assertEquals(0.25, x.grad());
  }

  @Test
  void parametersRunRowByRowWithTheBiasLast() {
    Random draws = new Random(11);
    BiasTrickLinear model = new BiasTrickLinear(2, 3, Activation.TANH, Init.XAVIER, new Random(11));
    assertEquals(9, model.parameters().size());
    for (int j = 0; j < 3; j++) {
      List<Value> row = model.rows().get(j);
      assertEquals(3, row.size());
      for (int i = 0; i < 3; i++) {
        assertSame(row.get(i), model.parameters().get(3 * j + i));
        assertEquals(Init.XAVIER.sample(draws, 2, 3), row.get(i).data(), 0.0);
      }
      assertEquals("w[" + j + "][0]", row.get(0).label());
      assertEquals("b[" + j + "]", row.get(2).label());
    }
  }

  @Test
  void forwardAppliesTheActivationToEveryOutput() {
    BiasTrickLinear model = new BiasTrickLinear(2, 2, Activation.RELU, Init.UNIFORM, new Random(3));
    List<Value> row0 = model.rows().get(0);
    List<Value> row1 = model.rows().get(1);
    for (Value p : row0) {
      p.setData(1.0);
    }
    for (Value p : row1) {
      p.setData(-1.0);
    }
    List<Value> out = model.forward(List.of(Value.of(2.0), Value.of(3.0)));
    assertEquals(2, out.size());
    assertEquals(6.0, out.get(0).data());
    assertEquals(0.0, out.get(1).data());
    assertEquals("relu", out.get(1).op());
  }

  @Test
  void shapesAreReportedAndRowsCannotBeModified() {
    BiasTrickLinear model = new BiasTrickLinear(4, 2, Activation.SIGMOID, Init.HE, new Random(1));
    assertEquals(4, model.inputs());
    assertEquals(2, model.outputs());
    assertEquals(Activation.SIGMOID, model.activation());
    assertEquals("BiasTrickLinear(4 -> 2, SIGMOID)", model.toString());
    assertThrows(UnsupportedOperationException.class, () -> model.rows().remove(0));
    assertThrows(UnsupportedOperationException.class, () -> model.rows().get(0).clear());
    assertThrows(UnsupportedOperationException.class, () -> model.parameters().clear());
  }

  @Test
  void zeroGradClearsEveryParameter() {
    BiasTrickLinear model =
        new BiasTrickLinear(2, 2, Activation.LINEAR, Init.UNIFORM, new Random(2));
    Value.sum(model.forward(List.of(Value.of(1.0), Value.of(2.0)))).backward();
    model.zeroGrad();
    for (Value p : model.parameters()) {
      assertEquals(0.0, p.grad());
    }
  }

  @Test
  void wrongInputCountIsRejectedNamingBothCounts() {
    BiasTrickLinear model =
        new BiasTrickLinear(2, 1, Activation.LINEAR, Init.UNIFORM, new Random(2));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> model.forward(List.of(Value.of(1))));
    assertEquals("expected 2 inputs, got 1", e.getMessage());
    assertThrows(NullPointerException.class, () -> model.forward(null));
  }

  @Test
  void forwardBiasedBuildsForwardsNodesFromAnInputBiasedOnce() {
    BiasTrickLinear model = new BiasTrickLinear(2, 2, Activation.TANH, Init.UNIFORM, new Random(4));
    Value x0 = Value.of(0.7);
    Value x1 = Value.of(-1.3);
    List<Value> biased = Vectors.withBias(List.of(x0, x1));
    Value once = Value.sum(model.forwardBiased(biased));
    once.backward();
    double[] grads = model.parameters().stream().mapToDouble(Value::grad).toArray();
    Value fresh = Value.sum(model.forward(List.of(x0, x1)));
    fresh.backward();
    assertEquals(fresh.data(), once.data(), 0.0);
    for (int k = 0; k < grads.length; k++) {
      assertEquals(model.parameters().get(k).grad(), grads[k], 0.0, "parameter " + k);
    }
    // The same biased list serves any number of calls, as the reference program's X_biased.
    assertEquals(once.data(), Value.sum(model.forwardBiased(biased)).data(), 0.0);
    assertEquals(3, biased.size());
  }

  @Test
  void forwardBiasedRejectsAnInputWithoutItsOneNamingTheCounts() {
    BiasTrickLinear model =
        new BiasTrickLinear(2, 1, Activation.LINEAR, Init.UNIFORM, new Random(2));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> model.forwardBiased(List.of(Value.of(1), Value.of(2))));
    assertEquals("expected 2 inputs followed by the bias trick's 1, got 2 values", e.getMessage());
    assertThrows(NullPointerException.class, () -> model.forwardBiased(null));
  }

  @Test
  void badShapesAndNullsAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new BiasTrickLinear(0, 3, Activation.LINEAR, Init.UNIFORM, new Random()));
    assertEquals("inputs and outputs must be at least 1, got inputs=0, outputs=3",
        e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new BiasTrickLinear(1, -1, Activation.LINEAR, Init.UNIFORM, new Random()));
    assertThrows(NullPointerException.class,
        () -> new BiasTrickLinear(1, 1, null, Init.UNIFORM, new Random()));
    assertThrows(NullPointerException.class,
        () -> new BiasTrickLinear(1, 1, Activation.LINEAR, null, new Random()));
    assertThrows(NullPointerException.class,
        () -> new BiasTrickLinear(1, 1, Activation.LINEAR, Init.UNIFORM, null));
  }
}
