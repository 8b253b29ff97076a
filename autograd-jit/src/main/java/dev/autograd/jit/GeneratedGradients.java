package dev.autograd.jit;

import dev.autograd.core.Value;
import dev.autograd.optim.Loss;
import dev.autograd.optim.MinibatchGradients;
import dev.autograd.optim.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A {@link Trainer}'s minibatch-gradient engine on {@link MinibatchReplay}: on the first
 * minibatch it records the first example's loss graph, with the features and then the targets as
 * the inputs, as {@link Trainer.Mode#REPLAYED} does, and from then on replays it as generated
 * bytecode over the minibatch's rows, split over threads. It adds the same grads, bit for bit, as
 * {@link Trainer.Mode#REPLAYED} and {@link Trainer.Mode#EAGER}, whatever the number of threads,
 * under the conditions the {@link Trainer} states (a graph of the same shape for every example).
 *
 * <pre>{@code
 * new Trainer(mlp::forward, CrossEntropyLoss::of, adam).engine(GeneratedGradients.factory())
 * }</pre>
 */
public final class GeneratedGradients implements MinibatchGradients {
  private final Function<List<Value>, List<Value>> model;
  private final Loss loss;
  private final List<Value> parameters;
  private final int threads;
  private MinibatchReplay replay;
  private double[][] rows = new double[0][];

  private GeneratedGradients(Function<List<Value>, List<Value>> model, Loss loss,
      List<Value> parameters, int threads) {
    this.model = model;
    this.loss = loss;
    this.parameters = List.copyOf(parameters);
    this.threads = threads;
  }

  /** Returns a factory of engines on {@link Runtime#availableProcessors()} threads. */
  public static MinibatchGradients.Factory factory() {
    return factory(Runtime.getRuntime().availableProcessors());
  }

  /**
   * Returns a factory of engines on {@code threads} threads; the results do not depend on it.
   *
   * @throws IllegalArgumentException if {@code threads < 1}
   */
  public static MinibatchGradients.Factory factory(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1: " + threads);
    }
    return new Factory(threads);
  }

  /** Creates engines on a fixed number of threads. */
  private record Factory(int threads) implements MinibatchGradients.Factory {
    @Override
    public MinibatchGradients create(Function<List<Value>, List<Value>> model, Loss loss,
        List<Value> parameters) {
      return new GeneratedGradients(model, loss, parameters, threads);
    }

    @Override
    public String toString() {
      return "GENERATED(threads=" + threads + ")";
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException as {@link MinibatchReplay#record} and {@link
   *     MinibatchReplay#accumulate} do, if a feature or a target is not a leaf of the recorded
   *     graph's inputs, or a row's length differs from the first minibatch's first row's
   */
  @Override
  public double accumulate(double[][] featureRows, double[][] targetRows) {
    int features = featureRows[0].length;
    if (replay == null) {
      List<Value> inputs = leaves(featureRows[0]);
      List<Value> targets = leaves(targetRows[0]);
      Value out = loss.of(model.apply(inputs), targets);
      List<Value> slots = new ArrayList<>(inputs);
      slots.addAll(targets);
      replay = MinibatchReplay.record(out, slots, parameters).threads(threads);
    }
    if (rows.length != featureRows.length) {
      rows = new double[featureRows.length][];
    }
    for (int e = 0; e < rows.length; e++) {
      int width = featureRows[e].length + targetRows[e].length;
      if (rows[e] == null || rows[e].length != width) {
        rows[e] = new double[width];
      }
      System.arraycopy(featureRows[e], 0, rows[e], 0, featureRows[e].length);
      System.arraycopy(targetRows[e], 0, rows[e], features, targetRows[e].length);
    }
    return replay.accumulate(rows);
  }

  private static List<Value> leaves(double[] values) {
    List<Value> leaves = new ArrayList<>(values.length);
    for (double v : values) {
      leaves.add(Value.of(v));
    }
    return leaves;
  }

  /** Stops the replay's worker threads. */
  @Override
  public void close() {
    if (replay != null) {
      replay.close();
    }
  }
}
