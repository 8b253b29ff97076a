package dev.autograd.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autograd.core.AnomalyDetection;
import dev.autograd.core.AnomalyException;
import dev.autograd.core.CompiledGraph;
import dev.autograd.core.GradCheck;
import dev.autograd.core.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A minibatch through an {@link Mlp} makes many dot nodes share each neuron's weight vector and
 * each layer's input and output vectors in one backward pass. Its grads must equal, bit for bit,
 * those of the same network written out with {@link Value#dot} (a relu neuron {@link
 * Value#dotRelu}) over plain lists (no vector
 * shared), the replay's, and the two-walk pass of {@link AnomalyDetection}; a training loop must
 * take the same steps; a loss built before a step must be stale; and models trained on several
 * threads at once must end as on one.
 */
@SuppressWarnings("try") // AnomalyDetection scopes only switch detection on for their block
class SharedVectorMlpTest {
  private static final double[][] X = {
    {0.5, -1.0, 0.25}, {1.5, 0.75, -0.5}, {-0.25, 0.125, 2.0}, {0.0, -0.5, -1.25}, {1.0, 1.0, 1.0}
  };
  private static final double[] Y = {1.0, -1.0, 0.5, 0.0, -0.25};

  private static Mlp model(long seed) {
    return Mlp.withActivations(3, List.of(6, 5, 1),
        List.of(Activation.TANH, Activation.RELU, Activation.LINEAR), Init.XAVIER,
        new Random(seed));
  }

  /** One layer written out: each neuron a dot over copies of its weights and of {@code x}. */
  private static List<Value> plainLayer(NeuronLayer layer, List<Value> x) {
    List<Value> out = new ArrayList<>();
    for (Neuron n : layer.neurons()) {
      // A relu neuron is one Value.dotRelu node (as Neuron.forward builds it), the others a dot.
      out.add(n.activation() == Activation.RELU
          ? Value.dotRelu(n.bias(), new ArrayList<>(n.weights()), new ArrayList<>(x))
          : n.activation().apply(
              Value.dot(n.bias(), new ArrayList<>(n.weights()), new ArrayList<>(x))));
    }
    return out;
  }

  private static List<Value> plainForward(Mlp mlp, List<Value> x) {
    List<Value> h = x;
    for (NeuronLayer layer : mlp.layers()) {
      h = plainLayer(layer, h);
    }
    return h;
  }

  /**
   * The mean squared error over the minibatch plus, so that a layer's outputs also feed the loss
   * by another path, a small multiple of the first hidden layer's outputs on the first example.
   */
  private static Value loss(Mlp mlp, Function<List<Value>, List<Value>> forward) {
    Value total = Value.of(0.0);
    for (int e = 0; e < X.length; e++) {
      List<Value> x = new ArrayList<>();
      for (double xi : X[e]) {
        x.add(Value.of(xi));
      }
      Value err = forward.apply(x).get(0).sub(Y[e]);
      total = total.add(err.mul(err));
    }
    return total.mul(1.0 / X.length);
  }

  private static Value residualLoss(Mlp mlp, boolean plain) {
    List<Value> x = List.of(Value.of(0.3), Value.of(-0.6), Value.of(0.9));
    NeuronLayer first = mlp.layers().get(0);
    List<Value> h = plain ? plainLayer(first, x) : first.forward(x);
    List<Value> h2 = plain ? plainLayer(mlp.layers().get(1), h) : mlp.layers().get(1).forward(h);
    Value out = plain ? plainLayer(mlp.layers().get(2), h2).get(0)
        : mlp.layers().get(2).forward(h2).get(0);
    Value extra = Value.dot(out, h, h); // h read again, by a dot over the layer's own vector
    return extra.add(Value.sum(h2)).tanh();
  }

  private static long[] gradBits(List<Value> values) {
    long[] bits = new long[values.size()];
    for (int i = 0; i < bits.length; i++) {
      bits[i] = Double.doubleToLongBits(values.get(i).grad());
    }
    return bits;
  }

  @Test
  void aMinibatchThroughSharedVectorsHasTheGradsOfPlainListsBitForBit() {
    Mlp mlp = model(11);
    List<Value> params = mlp.parameters();
    Value shared = loss(mlp, mlp::forward);
    Value plain = loss(mlp, x -> plainForward(mlp, x));
    assertEquals(Double.doubleToLongBits(plain.data()), Double.doubleToLongBits(shared.data()));
    plain.backward();
    long[] want = gradBits(params);
    shared.backward();
    assertArrayEquals(want, gradBits(params), "eager, shared vectors");
    shared.backward();
    assertArrayEquals(want, gradBits(params), "second pass");
    try (AnomalyDetection.Scope on = AnomalyDetection.on()) {
      shared.backward();
    }
    assertArrayEquals(want, gradBits(params), "two-walk pass");
    for (Value p : params) {
      p.zeroGrad();
    }
    CompiledGraph compiled = CompiledGraph.compile(shared);
    compiled.forwardBackward();
    assertArrayEquals(want, gradBits(params), "replay");
    assertTrue(GradCheck.check(shared, params).passes(1e-6));
  }

  @Test
  void aLayersOutputVectorReadAgainByTheLossHasThePlainGrads() {
    Mlp mlp = model(12);
    Value plain = residualLoss(mlp, true);
    plain.backward();
    long[] want = gradBits(mlp.parameters());
    Value shared = residualLoss(mlp, false);
    assertEquals(Double.doubleToLongBits(plain.data()), Double.doubleToLongBits(shared.data()));
    shared.backward();
    assertArrayEquals(want, gradBits(mlp.parameters()));
    GradCheck.Report report = GradCheck.check(shared, mlp.parameters());
    assertTrue(report.passes(1e-6), report.toString());
  }

  @Test
  void aLayerFedTheSameValueTwiceAndAnotherLayersVectorSendsBothContributions() {
    NeuronLayer layer = new NeuronLayer(4, 3, Activation.TANH, Init.UNIFORM, new Random(5));
    Value a = Value.of(0.7, "a");
    Value b = Value.of(-0.2, "b");
    List<Value> x = List.of(a, b, a, a);
    Value shared = Value.sum(layer.forward(x));
    Value plain = Value.sum(plainLayer(layer, x));
    plain.backward();
    double ga = a.grad();
    double gb = b.grad();
    long[] want = gradBits(layer.parameters());
    shared.backward();
    assertEquals(Double.doubleToLongBits(ga), Double.doubleToLongBits(a.grad()));
    assertEquals(Double.doubleToLongBits(gb), Double.doubleToLongBits(b.grad()));
    assertArrayEquals(want, gradBits(layer.parameters()));
  }

  @Test
  void aLayerAppliedToItsOwnOutputsSharesItsWeightsAcrossLevelsAsPlainLists() {
    NeuronLayer layer = new NeuronLayer(3, 3, Activation.TANH, Init.XAVIER, new Random(17));
    List<Value> x = List.of(Value.of(0.4), Value.of(-0.9), Value.of(0.2));
    List<Value> h = x;
    List<Value> p = x;
    for (int k = 0; k < 5; k++) {
      h = layer.forward(h); // the output vector is the next input vector
      p = plainLayer(layer, p);
    }
    Value plain = Value.dot(Value.of(0.0), p, p);
    plain.backward();
    long[] want = gradBits(layer.parameters());
    long[] wantX = gradBits(x);
    Value shared = Value.dot(Value.of(0.0), h, h);
    assertEquals(Double.doubleToLongBits(plain.data()), Double.doubleToLongBits(shared.data()));
    shared.backward();
    assertArrayEquals(want, gradBits(layer.parameters()));
    assertArrayEquals(wantX, gradBits(x));
  }

  /** SGD on the minibatch loss for {@code steps} steps; returns the parameters' bits. */
  private static long[] train(Mlp mlp, int steps, boolean plain) {
    List<Value> params = mlp.parameters();
    Value[] leaves = params.toArray(new Value[0]);
    Value previous = null;
    for (int s = 0; s < steps; s++) {
      Value loss = plain ? loss(mlp, x -> plainForward(mlp, x)) : loss(mlp, mlp::forward);
      loss.backward();
      double[] next = new double[leaves.length];
      for (int i = 0; i < leaves.length; i++) {
        next[i] = leaves[i].data() - 0.05 * leaves[i].grad();
      }
      Value.setData(leaves, next);
      assertThrows(IllegalStateException.class, loss::backward, "a loss before the step");
      if (previous != null) {
        assertThrows(IllegalStateException.class, previous::backward);
      }
      previous = loss;
    }
    long[] bits = new long[leaves.length];
    for (int i = 0; i < bits.length; i++) {
      bits[i] = Double.doubleToLongBits(leaves[i].data());
    }
    return bits;
  }

  @Test
  void trainingThroughSharedVectorsTakesThePlainStepsAndOldLossesGoStale() {
    assertArrayEquals(train(model(21), 6, true), train(model(21), 6, false));
  }

  @Test
  void aFreshLossAfterAFailedStaleBackwardHasThePlainGrads() {
    Mlp mlp = model(31);
    Value old = loss(mlp, mlp::forward);
    Value p = mlp.parameters().get(4);
    p.setData(p.data() + 0.125);
    assertThrows(IllegalStateException.class, old::backward);
    try (AnomalyDetection.Scope on = AnomalyDetection.on()) {
      assertThrows(IllegalStateException.class, old::backward);
    } catch (AnomalyException e) {
      throw new AssertionError("the stale graph must be reported first", e);
    }
    Value plain = loss(mlp, x -> plainForward(mlp, x));
    plain.backward();
    long[] want = gradBits(mlp.parameters());
    Value fresh = loss(mlp, mlp::forward);
    fresh.backward();
    assertArrayEquals(want, gradBits(mlp.parameters()));
  }

  @Test
  void modelsTrainedOnEightThreadsAtOnceEndAsOnOne() throws Exception {
    int models = 16;
    long[][] expected = new long[models][];
    for (int m = 0; m < models; m++) {
      expected[m] = train(model(100 + m), 4, false);
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<long[]>> results = new ArrayList<>();
      for (int m = 0; m < models; m++) {
        final long seed = 100 + m;
        Callable<long[]> task = () -> train(model(seed), 4, false);
        results.add(pool.submit(task));
      }
      for (int m = 0; m < models; m++) {
        assertArrayEquals(expected[m], results.get(m).get(2, TimeUnit.MINUTES), "model " + m);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
