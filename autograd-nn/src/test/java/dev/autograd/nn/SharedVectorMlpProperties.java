package dev.autograd.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.autograd.core.AnomalyDetection;
import dev.autograd.core.AnomalyException;
import dev.autograd.core.CompiledGraph;
import dev.autograd.core.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Random networks (1 to 4 layers of 1 to 6 neurons, every activation and initialisation) on
 * random minibatches of 1 to 4 examples, some of them the same input list given twice: the loss
 * built through shared vectors must have the value and every grad (parameters and inputs) of the
 * same network written with {@link Value#dot} (a relu neuron {@link Value#dotRelu}) over plain
 * lists, bit for bit, over two passes, with {@link AnomalyDetection} on, and in the replay.
 */
@SuppressWarnings("try") // AnomalyDetection scopes only switch detection on for their block
class SharedVectorMlpProperties {
  private static final long SEED = Long.getLong("autograd.seed", 20261130L);
  private static final int EXAMPLES = Integer.getInteger("autograd.examples", 300);

  private static List<Value> plainForward(Mlp mlp, List<Value> x) {
    List<Value> h = x;
    for (NeuronLayer layer : mlp.layers()) {
      List<Value> out = new ArrayList<>();
      for (Neuron n : layer.neurons()) {
        // A relu neuron is one Value.dotRelu node (as Neuron.forward builds it), the others a dot.
        out.add(n.activation() == Activation.RELU
            ? Value.dotRelu(n.bias(), new ArrayList<>(n.weights()), new ArrayList<>(h))
            : n.activation().apply(
                Value.dot(n.bias(), new ArrayList<>(n.weights()), new ArrayList<>(h))));
      }
      h = out;
    }
    return h;
  }

  private static Value loss(List<List<Value>> batch, Function<List<Value>, List<Value>> forward) {
    Value total = Value.of(0.0);
    for (List<Value> x : batch) {
      for (Value y : forward.apply(x)) {
        total = total.add(y.mul(y));
      }
    }
    return total;
  }

  private static long[] bits(List<Value> values) {
    long[] b = new long[values.size()];
    for (int i = 0; i < b.length; i++) {
      b[i] = Double.doubleToLongBits(values.get(i).grad());
    }
    return b;
  }

  @Test
  void networksThroughSharedVectorsHaveThePlainGradsBitForBit() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .withShrinkCycles(50)
        .forAll(lists().of(integers().between(1, 6)).ofSizeBetween(1, 4),
            integers().between(1, 4), integers().between(0, Integer.MAX_VALUE))
        .checkAssert((sizes, batchSize, seed) -> {
          Random random = new Random(seed);
          List<Activation> activations = new ArrayList<>();
          for (int k = 0; k < sizes.size(); k++) {
            activations.add(Activation.values()[random.nextInt(Activation.values().length)]);
          }
          int inputs = 1 + random.nextInt(4);
          Mlp mlp = Mlp.withActivations(inputs, sizes, activations,
              Init.values()[random.nextInt(Init.values().length)], random);
          List<List<Value>> batch = new ArrayList<>();
          List<Value> all = new ArrayList<>(mlp.parameters());
          for (int e = 0; e < batchSize; e++) {
            if (e > 0 && random.nextInt(3) == 0) {
              batch.add(batch.get(random.nextInt(e))); // the same input list again
              continue;
            }
            List<Value> x = new ArrayList<>();
            for (int i = 0; i < inputs; i++) {
              x.add(Value.of(random.nextInt(9) == 0 ? 0.0 : random.nextGaussian()));
            }
            all.addAll(x);
            batch.add(random.nextBoolean() ? Value.vector(x) : x);
          }
          String where = "sizes " + sizes + ", batch " + batchSize + ", seed " + seed;
          Value plain = loss(batch, x -> plainForward(mlp, x));
          plain.backward();
          long[] want = bits(all);
          Value shared = loss(batch, mlp::forward);
          assertEquals(Double.doubleToLongBits(plain.data()),
              Double.doubleToLongBits(shared.data()), where);
          for (int pass = 0; pass < 3; pass++) {
            if (pass == 2) {
              try (AnomalyDetection.Scope on = AnomalyDetection.on()) {
                shared.backward();
              } catch (AnomalyException e) {
                // the pass completed; its grads are still comparable
              }
            } else {
              shared.backward();
            }
            long[] got = bits(all);
            for (int i = 0; i < want.length; i++) {
              assertEquals(want[i], got[i], "pass " + pass + ", value " + i + ", " + where);
            }
          }
          for (Value v : all) {
            v.setGrad(Double.NaN);
          }
          CompiledGraph.compile(shared).forwardBackward();
          long[] replayed = bits(all);
          for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], replayed[i], "replay, value " + i + ", " + where);
          }
        });
  }
}
