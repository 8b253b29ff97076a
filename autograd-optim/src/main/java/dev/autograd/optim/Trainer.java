package dev.autograd.optim;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.autograd.core.Value;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A minibatch training loop, so user code need not write one (as Keras's {@code fit}).
 *
 * <pre>{@code
 * History history = new Trainer(mlp::forward, MseLoss::of, new Adam(mlp.parameters(), 0.01))
 *     .epochs(20).batchSize(32).shuffleSeed(42)
 *     .metric("test MSE", () -> testMse(mlp))
 *     .fit(features, targets);
 * }</pre>
 *
 * <h2>One epoch</h2>
 *
 * The rows are put in a random order drawn from the shuffle seed and the epoch's number, then cut
 * into minibatches of {@link #batchSize(int)} rows (the last one may be smaller). For each
 * minibatch: {@link Optimizer#zeroGrad()}; for each of its {@code B} rows, the example's loss
 * {@code loss(model(features), targets)} is built and its gradient added into the parameters'
 * grads; every grad is divided by {@code B}, so it is the gradient of the minibatch's mean loss;
 * then {@link Optimizer#step()}. After the epoch, the metrics are evaluated in the order given and
 * a row is added to the {@link History}: the epoch's mean training loss (over all rows, each
 * example's loss taken before its minibatch's step) and each metric; then {@link #afterEpoch}
 * runs, and training ends early if {@link #stopWhen} holds.
 *
 * <h2>Eager, replayed or batched</h2>
 *
 * By default ({@link Mode#BATCHED}) the trainer records the first example's loss graph once, with
 * the features and targets as the input slots of a {@code dev.autograd.core.CompiledGraph}, then
 * replays it over each whole minibatch at once, its {@code B} examples side by side, each recorded
 * node one loop over the examples ({@code dev.autograd.core.BatchedReplay}): no node is built per
 * example, and reading the record is paid once per minibatch. {@link Mode#REPLAYED} replays the
 * recorded graph once per example ({@code CompiledGraph.accumulate}). Both need the model and the
 * loss to build a graph of the same shape for every example (no branch on a value); a feature or
 * target the loss does not read (a column the model ignores) is left out of the record. {@link
 * Mode#EAGER} builds each example's graph anew and
 * calls {@link Value#backwardAccumulate()}. All three modes give bit-identical parameters, provided the model and loss compute every number from
 * their inputs as graph nodes: a constant taken from one example's data (a {@link Value#detach()}
 * or {@code Value.of(x.data())}) would be replayed with the recorded example's number; use {@link
 * Value#stopGradient()} for such a quantity, as {@code Softmax}'s max shift does. Another
 * minibatch-gradient engine plugs in through {@link #engine(MinibatchGradients.Factory)}, such as
 * autograd-jit's {@code GeneratedGradients}, which replays the recorded graph as generated
 * bytecode.
 *
 * <h2>Progress bar</h2>
 *
 * While it trains, a progress bar ({@code me.tongfei:progressbar}) on standard error shows the
 * epoch, the running mean loss and the estimated time left; it is shown only when the program
 * runs on a terminal ({@link System#console()} is not null: on Java 17 and 25, standard input and
 * output are both a terminal) and {@link #quiet(boolean)} is not set. Standard error is not looked
 * at: a run whose standard error alone goes to a file writes the bar's carriage-return lines into
 * it, unless quiet. The bar is one line redrawn in place with a carriage return, never by moving
 * the cursor up. At the end of each epoch it is erased, before the metrics run, and drawn again
 * after the next minibatch: the lines the metrics, {@link #afterEpoch} and {@link #stopWhen} print (on standard
 * output or error) stay whole and in order above it. Other output while a minibatch trains, such
 * as from another thread, shares the bar's line.
 *
 * <p>Non-finite losses are not checked: NaN in a loss propagates into the grads, the parameters
 * and the history.
 */
public final class Trainer {
  /** How the trainer computes each example's gradient: the engines optim ships. */
  public enum Mode implements MinibatchGradients.Factory {
    /** Build each example's loss graph and call {@link Value#backwardAccumulate()}. */
    EAGER {
      @Override
      public MinibatchGradients create(Function<List<Value>, List<Value>> model, Loss loss,
          List<Value> parameters) {
        return new ExampleGradients.Eager(model, loss);
      }
    },
    /** Record one example's loss graph, then replay it for every example. */
    REPLAYED {
      @Override
      public MinibatchGradients create(Function<List<Value>, List<Value>> model, Loss loss,
          List<Value> parameters) {
        return new ExampleGradients.Replayed(model, loss);
      }
    },
    /**
     * Record one example's loss graph, then replay it over each whole minibatch at once, the
     * examples side by side ({@code dev.autograd.core.BatchedReplay}).
     */
    BATCHED {
      @Override
      public MinibatchGradients create(Function<List<Value>, List<Value>> model, Loss loss,
          List<Value> parameters) {
        return new ExampleGradients.Batched(model, loss);
      }
    }
  }

  private final Function<List<Value>, List<Value>> model;
  private final Loss loss;
  private final Optimizer optimizer;
  private final Map<String, DoubleSupplier> metrics = new LinkedHashMap<>();
  private int epochs = 1;
  private int firstEpoch;
  private int batchSize = 32;
  private long shuffleSeed;
  private MinibatchGradients.Factory engine = Mode.BATCHED;
  private boolean quiet;
  private PrintStream progressOut;
  private int progressWidth;
  private int progressMillis;
  private Consumer<History> afterEpoch = history -> { };
  private Predicate<History> stopWhen = history -> false;

  /**
   * Returns a trainer of {@code model}'s parameters, which {@code optimizer} updates, on {@code
   * loss}; by default 1 epoch, minibatches of 32, shuffle seed 0, {@link Mode#BATCHED}.
   *
   * @param model maps one example's feature leaves to the model's outputs, e.g. {@code
   *     mlp::forward}
   * @param loss maps one example's outputs and target leaves to its loss, e.g. {@code
   *     MseLoss::of}
   * @param optimizer updates the model's parameters, which it lists
   * @throws NullPointerException if an argument is null
   */
  public Trainer(
      Function<List<Value>, List<Value>> model,
      Loss loss,
      Optimizer optimizer) {
    this.model = checkNotNull(model, "model");
    this.loss = checkNotNull(loss, "loss");
    this.optimizer = checkNotNull(optimizer, "optimizer");
  }

  /**
   * Sets the number of epochs each {@link #fit} runs; returns this trainer.
   *
   * @throws IllegalArgumentException if {@code epochs < 1}
   */
  public Trainer epochs(int epochs) {
    this.epochs = Hyperparameters.atLeastOne("epochs", epochs);
    return this;
  }

  /**
   * Sets the number of the first epoch {@link #fit} runs (0 by default), which with the shuffle
   * seed fixes each epoch's order: a run resumed from a {@link Checkpoint} taken after epoch
   * {@code k - 1} with {@code firstEpoch(k)} takes the steps the uninterrupted run takes. Returns
   * this trainer.
   *
   * @throws IllegalArgumentException if {@code firstEpoch < 0}
   */
  public Trainer firstEpoch(int firstEpoch) {
    checkArgument(firstEpoch >= 0, "firstEpoch must be at least 0, got %s", firstEpoch);
    this.firstEpoch = firstEpoch;
    return this;
  }

  /**
   * Sets the number of rows per minibatch; returns this trainer. A batch size of at least the
   * number of rows trains on the full batch.
   *
   * @throws IllegalArgumentException if {@code batchSize < 1}
   */
  public Trainer batchSize(int batchSize) {
    this.batchSize = Hyperparameters.atLeastOne("batchSize", batchSize);
    return this;
  }

  /** Sets the seed of every epoch's row order; returns this trainer. */
  public Trainer shuffleSeed(long shuffleSeed) {
    this.shuffleSeed = shuffleSeed;
    return this;
  }

  /**
   * Sets how each example's gradient is computed; returns this trainer.
   *
   * @throws NullPointerException if {@code mode} is null
   */
  public Trainer mode(Mode mode) {
    this.engine = checkNotNull(mode, "mode");
    return this;
  }

  /**
   * Sets the engine that computes each minibatch's gradient, such as one replaying generated
   * bytecode; {@link #mode(Mode)} sets one of the engines optim ships. Each {@link #fit}
   * creates one engine from the model, the loss and the optimizer's parameters and closes it
   * before returning. Returns this trainer.
   *
   * @throws NullPointerException if {@code engine} is null
   */
  public Trainer engine(MinibatchGradients.Factory engine) {
    this.engine = checkNotNull(engine, "engine");
    return this;
  }

  /** Turns the progress bar off ({@code true}) or back on when on a terminal; returns this. */
  public Trainer quiet(boolean quiet) {
    this.quiet = quiet;
    return this;
  }

  /**
   * Adds a metric evaluated after each epoch, such as a test accuracy, recorded in the history
   * under {@code name}; returns this trainer.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a metric named {@code name}, or named {@code loss},
   *     already exists
   */
  public Trainer metric(String name, DoubleSupplier metric) {
    checkNotNull(name, "name");
    checkNotNull(metric, "metric");
    checkArgument(!name.equals("loss") && !metrics.containsKey(name),
        "a metric named '%s' already exists", name);
    metrics.put(name, metric);
    return this;
  }

  /**
   * Sets code run after each epoch's row is added to the history (to print it, or to save a
   * {@link Checkpoint}); returns this trainer. The progress bar is off its line meanwhile, so what
   * it prints stays above the bar.
   *
   * @throws NullPointerException if {@code afterEpoch} is null
   */
  public Trainer afterEpoch(Consumer<History> afterEpoch) {
    this.afterEpoch = checkNotNull(afterEpoch, "afterEpoch");
    return this;
  }

  /**
   * Sets a condition checked after each epoch (after {@link #afterEpoch}): when it holds, {@link
   * #fit} returns early, as Keras's {@code EarlyStopping}; returns this trainer.
   *
   * @throws NullPointerException if {@code stopWhen} is null
   */
  public Trainer stopWhen(Predicate<History> stopWhen) {
    this.stopWhen = checkNotNull(stopWhen, "stopWhen");
    return this;
  }

  /**
   * Trains for the set number of epochs on the rows of {@code features} and {@code targets}
   * (row {@code i} is one example), mutating the parameters and the optimizer's state, and
   * returns what was measured after each epoch.
   *
   * @param features {@code n} rows of the model's inputs, all of one length
   * @param targets {@code n} rows of the loss's targets, all of one length
   * @throws NullPointerException if an array or a row is null
   * @throws IllegalArgumentException if there are no rows, {@code features} and {@code targets}
   *     hold different numbers of rows, a row's length differs from the first row's, or the last
   *     epoch's number, {@code firstEpoch + epochs - 1}, would exceed {@link Integer#MAX_VALUE};
   *     nothing is changed then. The model and the loss throw their own exceptions for inputs of a length
   *     they do not take.
   */
  public History fit(double[][] features, double[][] targets) {
    int n = rows(features, "features");
    checkArgument(rows(targets, "targets") == n,
        "features and targets must have the same number of rows, got %s and %s", n,
        targets.length);
    checkArgument((long) firstEpoch + epochs <= Integer.MAX_VALUE,
        "firstEpoch + epochs must be at most %s (epochs are numbered from firstEpoch to"
            + " firstEpoch + epochs - 1), got %s + %s", Integer.MAX_VALUE, firstEpoch, epochs);
    List<String> names = new ArrayList<>(metrics.keySet());
    History history = new History(names);
    int batches = (n + batchSize - 1) / batchSize;
    // Arrays, not lists, in the per-minibatch loops: they run interpreted in a cold JVM's first
    // minibatches, which is most of a short run (autograd-bench/results-2026-11-30-cold.md).
    Value[] params = optimizer.parameters().toArray(new Value[0]);
    int[] order = new int[n];
    try (MinibatchGradients gradients = checkNotNull(
            engine.create(model, loss, optimizer.parameters()), "engine.create returned null");
        TrainingProgressBar bar = progressBar((long) epochs * batches)) {
      for (int epoch = firstEpoch; epoch < firstEpoch + epochs; epoch++) {
        shuffle(order, epoch);
        double lossSum = 0;
        for (int start = 0; start < n; start += batchSize) {
          int end = Math.min(n, start + batchSize);
          int b = end - start;
          optimizer.zeroGrad();
          double[][] featureRows = new double[b][];
          double[][] targetRows = new double[b][];
          for (int k = start; k < end; k++) {
            featureRows[k - start] = features[order[k]];
            targetRows[k - start] = targets[order[k]];
          }
          lossSum += gradients.accumulate(featureRows, targetRows);
          for (Value p : params) {
            p.setGrad(p.grad() / b);
          }
          optimizer.step();
          if (bar != null) {
            bar.step(String.format(Locale.ROOT, " epoch %d/%d loss %.4f",
                epoch + 1, firstEpoch + epochs, lossSum / end));
          }
        }
        if (bar != null) {
          bar.eraseUntilNextStep();
        }
        double[] values = new double[names.size()];
        for (int k = 0; k < values.length; k++) {
          values[k] = metrics.get(names.get(k)).getAsDouble();
        }
        history.add(epoch, lossSum / n, values);
        afterEpoch.accept(history);
        if (stopWhen.test(history)) {
          break;
        }
      }
    }
    return history;
  }

  /**
   * Fills {@code order} with the row order of {@code epoch}: {@code 0 .. n-1} shuffled by a
   * {@link Random} seeded by the seed and the epoch, drawing exactly what {@link
   * Collections#shuffle(List, Random)} draws for a list of {@code n} rows, so the order is the one
   * that shuffling a list gives.
   */
  private void shuffle(int[] order, int epoch) {
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Random random = new Random(shuffleSeed * 0x9E3779B97F4A7C15L + epoch);
    for (int i = order.length; i > 1; i--) { // Collections.shuffle's loop for a RandomAccess list
      int j = random.nextInt(i);
      int swap = order[i - 1];
      order[i - 1] = order[j];
      order[j] = swap;
    }
  }

  /** Returns a progress bar over {@code steps} minibatches, or null if none is to be shown. */
  private TrainingProgressBar progressBar(long steps) {
    if (quiet) {
      return null;
    }
    if (progressOut != null) {
      return TrainingProgressBar.on(progressOut, progressWidth, progressMillis, steps);
    }
    return System.console() == null
        ? null
        : TrainingProgressBar.on(System.err, -1, TrainingProgressBar.UPDATE_MILLIS, steps);
  }

  /**
   * Makes {@link #fit} draw its progress bar on {@code out}, cut to {@code width} characters and
   * redrawn every {@code updateMillis} milliseconds, whether or not the program runs on a terminal
   * (unless quiet): how tests see the bar.
   */
  Trainer progressBarOn(PrintStream out, int width, int updateMillis) {
    this.progressOut = checkNotNull(out, "out");
    this.progressWidth = width;
    this.progressMillis = updateMillis;
    return this;
  }

  private static int rows(double[][] rows, String name) {
    checkNotNull(rows, name);
    checkArgument(rows.length > 0, "%s must hold at least one row, got 0", name);
    int width = checkNotNull(rows[0], "%s[0] is null", name).length;
    for (int i = 1; i < rows.length; i++) {
      // No Preconditions call per row: its varargs would box five values for every row.
      if (rows[i] == null) {
        throw new NullPointerException(name + "[" + i + "] is null");
      }
      if (rows[i].length != width) {
        throw new IllegalArgumentException(name + "[" + i + "] has " + rows[i].length
            + " values but " + name + "[0] has " + width);
      }
    }
    return rows.length;
  }

  /** Returns the settings, as in {@code Trainer(epochs=20, batchSize=32, ...)}. */
  @Override
  public String toString() {
    return "Trainer(epochs=" + epochs + ", firstEpoch=" + firstEpoch + ", batchSize=" + batchSize
        + ", shuffleSeed=" + shuffleSeed + ", engine=" + engine + ", metrics=" + metrics.keySet()
        + ", optimizer=" + optimizer + ")";
  }
}
