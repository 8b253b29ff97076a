package dev.autograd.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autograd.core.CompiledGraph;
import dev.autograd.core.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Vectors shared across graphs and steps in the nn layers: the bias trick's input vectors made
 * once and reused at every step (as the reference program's {@code X_biased}), and a compiled
 * replay of an {@link Mlp} whose input vector every first-layer neuron shares, fed new inputs
 * through its slots. Each must equal the same graphs built afresh over plain lists, bit for bit.
 */
class SharedVectorReplayTest {
  private static final double[][] X = {{0.5, -1.0}, {1.5, 0.75}, {-0.25, 2.0}, {0.0, -0.5}};
  private static final double[] Y = {1.0, -1.0, 0.5, 0.25};

  /** SGD with the bias trick, inputs augmented once and reused; returns the parameters' bits. */
  private static long[] trainBiasTrick(boolean plain) {
    BiasTrickLinear layer = new BiasTrickLinear(2, 3, Activation.TANH, Init.UNIFORM, new Random(4));
    List<List<Value>> biased = new ArrayList<>();
    for (double[] x : X) {
      biased.add(Vectors.withBias(Vectors.leaves(x)));
    }
    Value[] params = layer.parameters().toArray(new Value[0]);
    Value previous = null;
    for (int step = 0; step < 5; step++) {
      Value loss = Value.of(0.0);
      for (int e = 0; e < X.length; e++) {
        List<Value> out;
        if (plain) {
          out = new ArrayList<>();
          for (List<Value> row : layer.rows()) {
            out.add(layer.activation().apply(Value.dot(Value.of(0.0),
                new ArrayList<>(biased.get(e)), new ArrayList<>(row))));
          }
        } else {
          out = layer.forwardBiased(biased.get(e));
        }
        Value err = Value.sum(out).sub(Y[e]);
        loss = loss.add(err.mul(err));
      }
      loss.backward();
      double[] next = new double[params.length];
      for (int i = 0; i < params.length; i++) {
        next[i] = params[i].data() - 0.1 * params[i].grad();
      }
      Value.setData(params, next);
      if (previous != null) {
        assertThrows(IllegalStateException.class, previous::backward);
      }
      previous = loss;
    }
    long[] bits = new long[params.length * 2];
    for (int i = 0; i < params.length; i++) {
      bits[i] = Double.doubleToLongBits(params[i].data());
      bits[params.length + i] = Double.doubleToLongBits(params[i].grad());
    }
    return bits;
  }

  @Test
  void biasTrickVectorsReusedEveryStepTrainAsPlainLists() {
    assertArrayEquals(trainBiasTrick(true), trainBiasTrick(false));
  }

  @Test
  void aReplayWithInputSlotsEqualsEagerGraphsBuiltAtEachInput() {
    Mlp mlp = Mlp.withActivations(2, List.of(5, 4, 1),
        List.of(Activation.TANH, Activation.SIGMOID, Activation.LINEAR), Init.HE, new Random(9));
    List<Value> x = List.of(Value.of(0.1, "x0"), Value.of(0.2, "x1"));
    Value y = mlp.forwardScalar(Value.vector(x));
    Value loss = y.mul(y).add(Value.dot(y, mlp.forward(x), mlp.forward(x)));
    CompiledGraph compiled = CompiledGraph.compile(loss, x);
    List<Value> params = mlp.parameters();
    for (double[] input : X) {
      List<Value> fresh = Vectors.leaves(input);
      Value y2 = mlp.forwardScalar(fresh);
      Value eager = y2.mul(y2).add(Value.dot(y2, mlp.forward(fresh), mlp.forward(fresh)));
      eager.backward();
      long[] want = new long[params.size()];
      for (int i = 0; i < want.length; i++) {
        want[i] = Double.doubleToLongBits(params.get(i).grad());
      }
      for (Value p : params) {
        p.setGrad(Double.NaN); // the replay must write every parameter's grad
      }
      compiled.setInputs(input);
      double out = compiled.forwardBackward();
      assertEquals(Double.doubleToLongBits(eager.data()), Double.doubleToLongBits(out));
      long[] got = new long[params.size()];
      for (int i = 0; i < got.length; i++) {
        got[i] = Double.doubleToLongBits(params.get(i).grad());
      }
      assertArrayEquals(want, got, "input " + input[0] + ", " + input[1]);
      for (int i = 0; i < 2; i++) {
        assertEquals(Double.doubleToLongBits(fresh.get(i).grad()),
            Double.doubleToLongBits(compiled.gradOf(x.get(i))));
      }
    }
  }
}
