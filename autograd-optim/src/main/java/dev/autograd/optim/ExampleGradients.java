package dev.autograd.optim;

import dev.autograd.core.BatchedReplay;
import dev.autograd.core.CompiledGraph;
import dev.autograd.core.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
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
    private Recording recording;
    private double[] row;

    Replayed(Function<List<Value>, List<Value>> model, Loss loss) {
      super(model, loss);
    }

    @Override
    double accumulate(double[] features, double[] targets) {
      if (recording == null) {
        recording = record(model, loss, features, targets);
        row = new double[recording.graph().inputCount()];
      }
      recording.join(row, features, targets);
      return recording.graph().accumulate(row);
    }
  }

  /**
   * One example's recorded loss graph and the columns of the joined row (the features, then the
   * targets) that are its input slots, in slot order: null when it reads every column.
   */
  record Recording(CompiledGraph graph, int[] columns) {
    /** Copies the columns the graph reads, from {@code features} then {@code targets}, to row. */
    void join(double[] row, double[] features, double[] targets) {
      if (columns == null) {
        joinInto(row, features, targets);
        return;
      }
      for (int k = 0; k < columns.length; k++) {
        int c = columns[k];
        row[k] = c < features.length ? features[c] : targets[c - features.length];
      }
    }
  }

  /**
   * Records one example's loss graph with the features and then the targets as its input slots,
   * from {@code features} and {@code targets} (whose numbers only set the record's starting data).
   * A feature or target the loss does not read (a column the model ignores) gets no slot: the
   * replay's results do not depend on it, as the eager graph's do not.
   */
  static Recording record(Function<List<Value>, List<Value>> model, Loss loss,
      double[] features, double[] targets) {
    List<Value> inputs = leaves(features);
    List<Value> targetLeaves = leaves(targets);
    Value out = loss.of(model.apply(inputs), targetLeaves);
    List<Value> slots = new ArrayList<>(inputs);
    slots.addAll(targetLeaves);
    try {
      return new Recording(CompiledGraph.compile(out, slots), null);
    } catch (IllegalArgumentException unread) {
      // The slots are fresh leaves, each listed once: one is not reachable from the loss. (Not
      // checked before the common case, which would then record the graph twice.)
      return recordReadColumns(out, slots);
    }
  }

  /** Records {@code out} with the slots it reads as inputs, and their columns. */
  private static Recording recordReadColumns(Value out, List<Value> slots) {
    Set<Value> read = Collections.newSetFromMap(new IdentityHashMap<>());
    read.addAll(CompiledGraph.compile(out).leaves());
    List<Value> used = new ArrayList<>();
    int[] columns = new int[slots.size()];
    for (int c = 0; c < slots.size(); c++) {
      if (read.contains(slots.get(c))) {
        columns[used.size()] = c;
        used.add(slots.get(c));
      }
    }
    return new Recording(CompiledGraph.compile(out, used), Arrays.copyOf(columns, used.size()));
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
    private Recording recording;
    private BatchedReplay replay;
    private double[][] rows = new double[0][];

    Batched(Function<List<Value>, List<Value>> model, Loss loss) {
      this.model = model;
      this.loss = loss;
    }

    @Override
    public double accumulate(double[][] featureRows, double[][] targetRows) {
      if (replay == null) {
        recording = record(model, loss, featureRows[0], targetRows[0]);
        replay = BatchedReplay.of(recording.graph());
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
        recording.join(rows[e], featureRows[e], targetRows[e]);
      }
      return replay.accumulate(rows);
    }
  }
}
