package dev.autograd.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autograd.core.BackwardTrace;
import dev.autograd.core.CompiledGraph;
import dev.autograd.core.Gradients;
import dev.autograd.core.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A neuron's output node (whatever node {@link Neuron#forward} makes for its activation) against
 * the same neuron written as plain nodes, {@code activation.apply(Value.dot(b, w, x))} over copies
 * of its leaves, bit for bit: after a pass that failed with the neuron's node already visited and
 * its inputs still waiting (a later pass must keep nothing of it), through {@link
 * Value#backwardAccumulate()}, higher-order {@link Gradients}, {@link BackwardTrace} and the
 * replay, for every activation.
 */
class NeuronPassesAgainstPlainNodesTest {

  /** A neuron and its plain twin over leaves holding the same numbers. */
  private static final class Twin {
    final Neuron neuron;
    final List<Value> x = new ArrayList<>();
    final List<Value> w = new ArrayList<>();
    final Value b;
    final List<Value> x2 = new ArrayList<>();

    Twin(Activation activation, long seed, boolean positive) {
      Random random = new Random(seed);
      neuron = new Neuron(3, activation, Init.values()[0], random);
      for (Value wi : neuron.weights()) {
        wi.setData((positive ? 0.5 : -0.5) + 0.1 * random.nextGaussian());
        w.add(Value.of(wi.data(), wi.label()));
      }
      neuron.bias().setData(positive ? 0.25 : -0.25);
      b = Value.of(neuron.bias().data(), "b");
      for (int i = 0; i < 3; i++) {
        double xi = 1.0 + 0.2 * random.nextGaussian();
        x.add(Value.of(xi, "x" + i));
        x2.add(Value.of(xi, "x" + i));
      }
    }

    Value fused(boolean vector) {
      return neuron.forward(vector ? Value.vector(x) : x);
    }

    Value plain() {
      return neuron.activation().apply(Value.dot(b, new ArrayList<>(w), new ArrayList<>(x2)));
    }

    List<Value> leaves() {
      List<Value> all = new ArrayList<>(neuron.parameters());
      all.addAll(x);
      return all;
    }

    List<Value> twinLeaves() {
      List<Value> all = new ArrayList<>(w);
      all.add(b);
      all.addAll(x2);
      return all;
    }
  }

  private static String grads(List<Value> leaves) {
    long[] bits = new long[leaves.size()];
    for (int i = 0; i < bits.length; i++) {
      bits[i] = Double.doubleToLongBits(leaves.get(i).grad());
    }
    return Arrays.toString(bits);
  }

  /** A node at the given depth above a leaf changed after it was built. */
  private static Value staleChain(int depth) {
    Value changed = Value.of(0.75, "changed");
    Value s = changed;
    for (int k = 0; k < depth; k++) {
      s = s.mul(0.5);
    }
    changed.setData(0.75);
    return s;
  }

  @Test
  void aPassFailingAfterTheNeuronWasVisitedLeavesNothingForTheNextPass() {
    for (Activation activation : Activation.values()) {
      for (int depth = 1; depth <= 4; depth++) {
        for (int variant = 0; variant < 4; variant++) {
          boolean positive = variant % 2 == 0;
          boolean vector = variant < 2;
          Twin t = new Twin(activation, depth * 31L + variant, positive);
          Value f = t.fused(vector);
          String where = activation + ", depth " + depth + ", variant " + variant;
          // The pass fails at the node reading the changed leaf, depth - 1 levels under the
          // output's other input: after visiting the neuron's node, its inputs still waiting, or
          // before, depending on the depth.
          Value failing = f.add(staleChain(depth));
          assertThrows(IllegalStateException.class, failing::backward, where);
          // Fresh graphs over the neuron's node: the neuron read at two places, then alone.
          Value out = f.mul(2.0).add(f);
          out.backward();
          Value p = t.plain();
          Value plainOut = p.mul(2.0).add(p);
          plainOut.backward();
          assertEquals(grads(t.twinLeaves()), grads(t.leaves()), where + ", two places");
          failing = staleChain(depth).add(f);
          assertThrows(IllegalStateException.class, failing::backward, where);
          f.backward();
          p.backward();
          assertEquals(grads(t.twinLeaves()), grads(t.leaves()), where + ", from the neuron");
        }
      }
    }
  }

  @Test
  void accumulatedHigherOrderTracedAndReplayedGradsEqualThePlainNodes() {
    for (Activation activation : Activation.values()) {
      for (int variant = 0; variant < 4; variant++) {
        Twin t = new Twin(activation, 7L * variant + 3, variant % 2 == 0);
        String where = activation + ", variant " + variant;
        Value f = t.fused(variant < 2);
        Value out = f.mul(f).add(f);
        Value p = t.plain();
        Value plainOut = p.mul(p).add(p);

        for (Value v : t.leaves()) {
          v.setGrad(0.5);
        }
        for (Value v : t.twinLeaves()) {
          v.setGrad(0.5);
        }
        out.backwardAccumulate();
        out.backwardAccumulate();
        plainOut.backwardAccumulate();
        plainOut.backwardAccumulate();
        assertEquals(grads(t.twinLeaves()), grads(t.leaves()), where + ", accumulated");

        List<Value> g = Gradients.of(out, t.leaves());
        List<Value> pg = Gradients.of(plainOut, t.twinLeaves());
        for (int i = 0; i < g.size(); i++) {
          assertEquals(Double.doubleToLongBits(pg.get(i).data()),
              Double.doubleToLongBits(g.get(i).data()), where + ", Gradients.of " + i);
        }
        assertEquals(Arrays.deepToString(Gradients.hessian(plainOut, t.twinLeaves())),
            Arrays.deepToString(Gradients.hessian(out, t.leaves())), where + ", Hessian");

        List<BackwardTrace.Step> steps = BackwardTrace.run(out).steps();
        List<BackwardTrace.Step> plainSteps = BackwardTrace.run(plainOut).steps();
        assertEquals(grads(t.twinLeaves()), grads(t.leaves()), where + ", traced pass");
        // The last contribution each leaf receives leaves it at its grad, as in the plain trace.
        assertEquals(lastAfter(plainSteps, t.twinLeaves().size()),
            lastAfter(steps, t.leaves().size()), where + ", trace");

        CompiledGraph replay = CompiledGraph.compile(out);
        replay.forwardBackward();
        CompiledGraph plainReplay = CompiledGraph.compile(plainOut);
        plainReplay.forwardBackward();
        for (int i = 0; i < t.leaves().size(); i++) {
          assertEquals(Double.doubleToLongBits(plainReplay.gradOf(t.twinLeaves().get(i))),
              Double.doubleToLongBits(replay.gradOf(t.leaves().get(i))), where + ", replay " + i);
        }
      }
    }
  }

  /** The final grad the trace shows for each leaf name (the weights, the bias, the inputs). */
  private static String lastAfter(List<BackwardTrace.Step> steps, int leaves) {
    java.util.Map<String, Double> last = new java.util.TreeMap<>();
    for (BackwardTrace.Step s : steps) {
      last.put(s.input(), s.inputGradAfter());
    }
    List<String> names = new ArrayList<>();
    for (java.util.Map.Entry<String, Double> e : last.entrySet()) {
      if (e.getKey().matches("[wbx][0-9]*")) {
        names.add(e.getKey() + "=" + Double.doubleToLongBits(e.getValue()));
      }
    }
    assertEquals(leaves, names.size(), names.toString());
    return names.toString();
  }
}
