package dev.autograd.optim;

import dev.autograd.core.CompiledGraph;
import dev.autograd.core.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Adds one example's loss gradient into the parameters' grads, the step a {@link Trainer} repeats
 * for every example of a minibatch. Both kinds leave the same grads, bit for bit: each adds the
 * example's gradient {@code d(loss)/d(p)}, computed in {@link Value#backward()}'s order, to what
 * {@code p.grad()} held.
 */
abstract class ExampleGradients {
  final Function<List<Value>, List<Value>> model;
  final Loss loss;

  ExampleGradients(
      Function<List<Value>, List<Value>> model, Loss loss) {
    this.model = model;
    this.loss = loss;
  }

  /** Adds the gradient of the loss on {@code (features, targets)} into the grads; returns it. */
  abstract double accumulate(double[] features, double[] targets);

  static List<Value> leaves(double[] values) {
    List<Value> leaves = new ArrayList<>(values.length);
    for (double v : values) {
      leaves.add(Value.of(v));
    }
    return leaves;
  }

  /** Builds each example's graph anew and calls {@link Value#backwardAccumulate()}. */
  static final class Eager extends ExampleGradients {
    Eager(Function<List<Value>, List<Value>> model,
        Loss loss) {
      super(model, loss);
    }

    @Override
    double accumulate(double[] features, double[] targets) {
      Value l = loss.of(model.apply(leaves(features)), leaves(targets));
      l.backwardAccumulate();
      return l.data();
    }
  }

  /**
   * Records the first example's graph with the features and targets as leaves, then for each
   * example writes them into those leaves and replays the record.
   */
  static final class Replayed extends ExampleGradients {
    private final List<Value> parameters;
    private final double[] kept;
    private List<Value> inputs;
    private List<Value> targetLeaves;
    private CompiledGraph graph;

    Replayed(Function<List<Value>, List<Value>> model,
        Loss loss, List<Value> parameters) {
      super(model, loss);
      this.parameters = parameters;
      this.kept = new double[parameters.size()];
    }

    @Override
    double accumulate(double[] features, double[] targets) {
      if (graph == null) {
        inputs = leaves(features);
        targetLeaves = leaves(targets);
        graph = CompiledGraph.compile(loss.of(model.apply(inputs), targetLeaves));
      }
      set(inputs, features);
      set(targetLeaves, targets);
      // The replay overwrites the grads it writes: keep the sums so far and add them back, as
      // Value.backwardAccumulate() does (new gradient + kept grad).
      for (int j = 0; j < kept.length; j++) {
        Value p = parameters.get(j);
        kept[j] = p.grad();
        p.setGrad(0.0);
      }
      double out = graph.forwardBackward();
      for (int j = 0; j < kept.length; j++) {
        Value p = parameters.get(j);
        p.setGrad(p.grad() + kept[j]);
      }
      return out;
    }

    private static void set(List<Value> leaves, double[] values) {
      for (int i = 0; i < values.length; i++) {
        leaves.get(i).setData(values[i]);
      }
    }
  }
}
