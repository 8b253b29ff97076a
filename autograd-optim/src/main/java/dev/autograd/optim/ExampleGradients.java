package dev.autograd.optim;

import dev.autograd.core.BatchedReplay;
import dev.autograd.core.CompiledGraph;
import dev.autograd.core.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Adds one example's loss gradient into the parameters' grads, the step a {@link Trainer} repeats
 * for every example of a minibatch. Every kind (and {@link Batched}, which replays a minibatch at
 * once) leaves the same grads, bit for bit: each adds the example's gradient {@code d(loss)/d(p)},
 * computed in {@link Value#backward()}'s order, to what {@code p.grad()} held.
 */
abstract class ExampleGradients implements MinibatchGradients {
  final Function<List<Value>, List<Value>> model;
  final Loss loss;

  ExampleGradients(
      Function<List<Value>, List<Value>> model, Loss loss) {
    this.model = model;
    this.loss = loss;
  }

  /** Adds the gradient of the loss on {@code (features, targets)} into the grads; returns it. */
  abstract double accumulate(double[] features, double[] targets);

  /** Accumulates each row in order; returns the losses' sum, added in row order from 0. */
  @Override
  public final double accumulate(double[][] featureRows, double[][] targetRows) {
    double sum = 0;
    for (int e = 0; e < featureRows.length; e++) {
      sum += accumulate(featureRows[e], targetRows[e]);
    }
    return sum;
  }

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
   * Records the first example's graph with the features and then the targets as the input slots
   * of a {@link CompiledGraph}, then for each example replays it with {@link
   * CompiledGraph#accumulate(double[])}, which adds the example's gradient into the parameters'
   * grads as {@link Value#backwardAccumulate()} does.
   */
  static final class Replayed extends ExampleGradients {
    private CompiledGraph graph;
    private double[] row;

    Replayed(Function<List<Value>, List<Value>> model, Loss loss) {
      super(model, loss);
    }

    @Override
    double accumulate(double[] features, double[] targets) {
      if (graph == null) {
        graph = record(model, loss, features, targets);
        row = new double[graph.inputCount()];
      }
      joinInto(row, features, targets);
      return graph.accumulate(row);
    }
  }

  /**
   * Records one example's loss graph with the features and then the targets as its input slots,
   * from {@code features} and {@code targets} (whose numbers only set the record's starting data).
   */
  static CompiledGraph record(Function<List<Value>, List<Value>> model, Loss loss,
      double[] features, double[] targets) {
    List<Value> inputs = leaves(features);
    List<Value> targetLeaves = leaves(targets);
    Value out = loss.of(model.apply(inputs), targetLeaves);
    List<Value> slots = new ArrayList<>(inputs);
    slots.addAll(targetLeaves);
    return CompiledGraph.compile(out, slots);
  }

  /** Copies {@code features} then {@code targets} into {@code row}. */
  static void joinInto(double[] row, double[] features, double[] targets) {
    System.arraycopy(features, 0, row, 0, features.length);
    System.arraycopy(targets, 0, row, features.length, targets.length);
  }

  /**
   * Records the first example's graph as {@link Replayed} does, then replays it over each whole
   * minibatch at once with a {@link BatchedReplay}, examples side by side: the same grads and
   * loss sum as {@link Replayed}, bit for bit. Keeps its joined rows for the next minibatch.
   */
  static final class Batched implements MinibatchGradients {
    private final Function<List<Value>, List<Value>> model;
    private final Loss loss;
    private BatchedReplay replay;
    private double[][] rows = new double[0][];

    Batched(Function<List<Value>, List<Value>> model, Loss loss) {
      this.model = model;
      this.loss = loss;
    }

    @Override
    public double accumulate(double[][] featureRows, double[][] targetRows) {
      if (replay == null) {
        replay = BatchedReplay.of(record(model, loss, featureRows[0], targetRows[0]));
      }
      int b = featureRows.length;
      if (rows.length != b) {
        double[][] kept = rows;
        rows = new double[b][];
        for (int e = 0; e < b; e++) {
          rows[e] = e < kept.length ? kept[e] : new double[replay.inputCount()];
        }
      }
      for (int e = 0; e < b; e++) {
        joinInto(rows[e], featureRows[e], targetRows[e]);
      }
      return replay.accumulate(rows);
    }
  }
}
