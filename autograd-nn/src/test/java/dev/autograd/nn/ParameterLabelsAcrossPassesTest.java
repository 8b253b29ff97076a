package dev.autograd.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autograd.core.CompiledGraph;
import dev.autograd.core.DotGraph;
import dev.autograd.core.GraphTree;
import dev.autograd.core.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Models trained by eager passes (the backward pass's queue links waiting nodes through a field
 * that holds a leaf's label): every parameter keeps its label through completed passes, stale
 * passes that fail mid-sweep and SGD steps; each step's grads equal the replay's bit for bit; the
 * stale error names the changed parameter; displays of a trained model's graph equal those of a
 * fresh model holding the same numbers.
 */
class ParameterLabelsAcrossPassesTest {

  private static List<String> labels(List<Value> parameters) {
    List<String> out = new ArrayList<>();
    for (Value p : parameters) {
      out.add(p.label());
    }
    return out;
  }

  /** Sum over a minibatch of the squared outputs, the first input list read twice. */
  private static Value loss(Function<List<Value>, List<Value>> model, List<List<Value>> batch) {
    Value total = Value.of(0.0);
    for (List<Value> x : batch) {
      for (Value y : model.apply(x)) {
        total = total.add(y.mul(y));
      }
    }
    return total;
  }

  private static List<List<Value>> batch(Random random, int inputs) {
    List<List<Value>> batch = new ArrayList<>();
    for (int e = 0; e < 4; e++) {
      List<Value> x = new ArrayList<>();
      for (int i = 0; i < inputs; i++) {
        x.add(Value.of(random.nextGaussian(), "x" + e + "_" + i));
      }
      batch.add(e % 2 == 0 ? Value.vector(x) : x);
    }
    batch.add(batch.get(0));
    return batch;
  }

  private static void trainAndCheck(Module model, Function<List<Value>, List<Value>> forward,
      int inputs, long seed) {
    List<Value> parameters = model.parameters();
    List<String> labels = labels(parameters);
    assertTrue(labels.stream().allMatch(l -> !l.isEmpty()), labels.toString());
    Random random = new Random(seed);
    for (int step = 0; step < 6; step++) {
      String where = "seed " + seed + ", step " + step;
      List<List<Value>> batch = batch(random, inputs);
      Value loss = loss(forward, batch);
      loss.backward();
      assertEquals(labels, labels(parameters), where);
      double[] eager = new double[parameters.size()];
      for (int i = 0; i < eager.length; i++) {
        eager[i] = parameters.get(i).grad();
      }
      CompiledGraph replay = CompiledGraph.compile(loss);
      replay.forwardBackward();
      for (int i = 0; i < eager.length; i++) {
        assertEquals(Double.doubleToLongBits(eager[i]),
            Double.doubleToLongBits(replay.gradOf(parameters.get(i))),
            where + ", " + labels.get(i));
      }
      for (Value p : parameters) {
        p.setData(p.data() - 0.05 * p.grad());
      }
      // The loss is stale now: its pass fails at the first node reading a parameter.
      IllegalStateException e = assertThrows(IllegalStateException.class, loss::backward, where);
      boolean named = false;
      for (String label : labels) {
        named |= e.getMessage().contains("leaf \"" + label + "\"");
      }
      assertTrue(named, e.getMessage());
      assertEquals(labels, labels(parameters), where);
      for (List<Value> x : batch) {
        for (int i = 0; i < x.size(); i++) {
          assertEquals("x" + batch.indexOf(x) + "_" + i, x.get(i).label(), where);
        }
      }
    }
  }

  @Test
  void mlpParametersKeepTheirLabelsThroughPassesFailuresAndSteps() {
    for (long seed = 0; seed < 12; seed++) {
      Random random = new Random(seed);
      List<Integer> sizes = List.of(1 + random.nextInt(6), 1 + random.nextInt(6), 1);
      List<Activation> activations = new ArrayList<>();
      for (int k = 0; k < sizes.size(); k++) {
        activations.add(Activation.values()[random.nextInt(Activation.values().length)]);
      }
      Mlp mlp = Mlp.withActivations(3, sizes, activations, Init.values()[(int) seed
          % Init.values().length], random);
      trainAndCheck(mlp, mlp::forward, 3, seed);
    }
  }

  @Test
  void biasTrickParametersKeepTheirLabelsThroughPassesFailuresAndSteps() {
    for (long seed = 0; seed < 12; seed++) {
      Random random = new Random(seed);
      Activation a = Activation.values()[(int) seed % Activation.values().length];
      BiasTrickLinear layer = new BiasTrickLinear(3, 4, a, Init.values()[0], random);
      trainAndCheck(layer, layer::forward, 3, seed);
    }
  }

  /** A trained model's graph is drawn as a fresh model's holding the same numbers. */
  @Test
  void displaysOfATrainedModelEqualThoseOfAFreshOne() {
    Random random = new Random(7);
    Mlp trained = new Mlp(2, List.of(3, 1), Activation.values()[0], Init.values()[0], random);
    Mlp fresh = new Mlp(2, List.of(3, 1), Activation.values()[0], Init.values()[0], new Random(7));
    List<List<Value>> batch = batch(new Random(1), 2);
    for (int step = 0; step < 3; step++) {
      Value loss = loss(trained::forward, batch);
      loss.backward();
      for (Value p : trained.parameters()) {
        p.setData(p.data() - 0.1 * p.grad());
      }
      assertThrows(IllegalStateException.class, loss::backward);
    }
    List<Value> tp = trained.parameters();
    List<Value> fp = fresh.parameters();
    for (int i = 0; i < tp.size(); i++) {
      fp.get(i).setData(tp.get(i).data());
    }
    List<Value> x = List.of(Value.of(0.5, "u"), Value.of(-1.0, "v"));
    Value t = trained.forwardScalar(x);
    Value f = fresh.forwardScalar(List.of(Value.of(0.5, "u"), Value.of(-1.0, "v")));
    t.backward();
    f.backward();
    assertEquals(GraphTree.render(f), GraphTree.render(t));
    assertEquals(DotGraph.render(f), DotGraph.render(t));
  }
}
