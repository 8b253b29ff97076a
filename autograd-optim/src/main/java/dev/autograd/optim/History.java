package dev.autograd.optim;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a {@link Trainer} measured after each epoch: the epoch's number, its mean training loss and
 * every metric the trainer was given, as columns ready to plot (as Keras's {@code History}). The
 * trainer appends one row per epoch; everything handed out is a copy.
 */
public final class History {
  private final List<Integer> epochs = new ArrayList<>();
  private final List<Double> losses = new ArrayList<>();
  private final Map<String, List<Double>> metrics = new LinkedHashMap<>();

  /** Starts an empty history with one column per metric name, in the order given. */
  History(List<String> metricNames) {
    for (String name : metricNames) {
      metrics.put(name, new ArrayList<>());
    }
  }

  /** Appends epoch {@code epoch}'s row; {@code metricValues} follow {@link #metricNames()}. */
  void add(int epoch, double loss, double[] metricValues) {
    epochs.add(epoch);
    losses.add(loss);
    int k = 0;
    for (List<Double> column : metrics.values()) {
      column.add(metricValues[k++]);
    }
  }

  /** Returns the number of epochs recorded. */
  public int size() {
    return epochs.size();
  }

  /** Returns the number of each recorded epoch (counting from 0), in order. */
  public int[] epochs() {
    int[] out = new int[epochs.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = epochs.get(i);
    }
    return out;
  }

  /**
   * Returns each recorded epoch's mean training loss: the mean, over the epoch's examples, of
   * each example's loss computed just before the step of its minibatch.
   */
  public double[] loss() {
    return toArray(losses);
  }

  /** Returns the names of the metrics, in the order the trainer was given them. */
  public List<String> metricNames() {
    return Collections.unmodifiableList(new ArrayList<>(metrics.keySet()));
  }

  /**
   * Returns metric {@code name} after each recorded epoch.
   *
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if no metric has that name
   */
  public double[] metric(String name) {
    checkNotNull(name, "name");
    List<Double> column = metrics.get(name);
    checkArgument(column != null, "no metric named '%s'; the metrics are %s", name,
        metrics.keySet());
    return toArray(column);
  }

  /**
   * Copies {@code column} into a new array: a plain loop rather than a stream, since a trainer's
   * {@code afterEpoch} reads the history inside the timed training of a cold JVM, where a first
   * stream pipeline costs about 2 ms of class loading (autograd-bench/results-2026-11-30-cold.md).
   */
  private static double[] toArray(List<Double> column) {
    double[] out = new double[column.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = column.get(i);
    }
    return out;
  }

  /** Returns the last epoch's row as text, as in {@code epoch 4: loss=0.1234, accuracy=0.9500}. */
  public String lastRow() {
    if (epochs.isEmpty()) {
      return "no epoch recorded";
    }
    int last = epochs.size() - 1;
    StringBuilder sb = new StringBuilder();
    sb.append("epoch ").append(epochs.get(last)).append(": loss=")
        .append(String.format(Locale.ROOT, "%.4f", losses.get(last)));
    for (Map.Entry<String, List<Double>> e : metrics.entrySet()) {
      sb.append(", ").append(e.getKey()).append('=')
          .append(String.format(Locale.ROOT, "%.4f", e.getValue().get(last)));
    }
    return sb.toString();
  }

  /** Returns the number of epochs and the metric names. */
  @Override
  public String toString() {
    return "History(" + epochs.size() + " epochs, loss" + (metrics.isEmpty() ? "" : ", ")
        + String.join(", ", metrics.keySet()) + ")";
  }
}
