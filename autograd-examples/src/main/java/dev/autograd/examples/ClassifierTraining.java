package dev.autograd.examples;

import dev.autograd.core.Value;
import dev.autograd.data.Dataset;
import dev.autograd.data.Standardizer;
import dev.autograd.data.TrainTestSplit;
import dev.autograd.optim.Adam;
import dev.autograd.optim.ConfusionMatrix;
import dev.autograd.optim.History;
import dev.autograd.optim.Loss;
import dev.autograd.optim.Optimizer;
import dev.autograd.optim.Trainer;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The train-and-report sequence the classifier examples share: a seeded stratified split
 * standardised on its training part, a {@link Trainer} with {@link Adam} that prints the loss and
 * the test accuracy after each epoch, and the closing accuracy line.
 */
final class ClassifierTraining {
  private ClassifierTraining() {}

  /** The name of the metric the trainer tracks. */
  static final String TEST_ACCURACY = "test accuracy";

  /** A seeded stratified split and both its parts standardised on the training part. */
  record Parts(TrainTestSplit split, Dataset train, Dataset test) {
    /** Splits {@code data}, holding out {@code testFraction} of each class, seeded by seed. */
    static Parts of(Dataset data, double testFraction, long seed) {
      TrainTestSplit split = TrainTestSplit.stratified(data, testFraction, seed);
      Standardizer scaler = Standardizer.fit(split.train());
      return new Parts(split, scaler.transform(split.train()), scaler.transform(split.test()));
    }

    /**
     * Returns {@code "<title>: <n> training and <m> test <examples>; <model>; Adam lr <rate>,
     * minibatches of <size>"}.
     */
    String header(String title, String examples, Object model, double learningRate,
        int batchSize) {
      return String.format(Locale.ROOT, "%s: %d training and %d test %s; %s; Adam lr %s,"
          + " minibatches of %d", title, train.size(), test.size(), examples, model,
          learningRate, batchSize);
    }
  }

  /**
   * Returns a trainer of {@code model} by {@code loss} with {@code optimizer} (the examples pass
   * {@link Adam} over the model's parameters), for {@code epochs} epochs of minibatches of {@code
   * batchSize} shuffled by {@code seed}; after each epoch it measures the accuracy of {@code
   * predict} on {@code test} and prints the epoch, its loss and that accuracy to {@code out} —
   * unless the trainer shows its progress bar, which would overwrite those lines: then {@link
   * #printEpochLinesHiddenByTheBar} prints them after {@code fit}.
   */
  static Trainer trainer(Function<List<Value>, List<Value>> model, Loss loss,
      Optimizer optimizer, int epochs, int batchSize, long seed, boolean quiet, Dataset test,
      Function<Dataset, int[]> predict, PrintWriter out) {
    Consumer<String> live = progressBarShown(quiet) ? line -> { } : out::println;
    return trainer(model, loss, optimizer, epochs, batchSize, seed, quiet, test, predict, live);
  }

  /** Returns the trainer above, handing each epoch's line to {@code epochLines}. */
  static Trainer trainer(Function<List<Value>, List<Value>> model, Loss loss,
      Optimizer optimizer, int epochs, int batchSize, long seed, boolean quiet, Dataset test,
      Function<Dataset, int[]> predict, Consumer<String> epochLines) {
    return new Trainer(model, loss, optimizer)
        .epochs(epochs).batchSize(batchSize).shuffleSeed(seed).quiet(quiet)
        .metric(TEST_ACCURACY, () -> ConfusionMatrix.accuracy(test.labels(), predict.apply(test)))
        .afterEpoch(h -> epochLines.accept(epochLine(h, h.size() - 1)));
  }

  /**
   * Returns whether a {@link Trainer} with {@code quiet} shows its progress bar: on a terminal
   * ({@link System#console()} not null) unless quiet, as the trainer's javadoc states. The bar
   * redraws itself by moving the cursor up a line, onto whatever was printed below it.
   */
  static boolean progressBarShown(boolean quiet) {
    return !quiet && System.console() != null;
  }

  /**
   * Prints every epoch's line of {@code history} to {@code out} if the progress bar was shown
   * (so {@link #trainer} did not print them while it trained); otherwise prints nothing.
   */
  static void printEpochLinesHiddenByTheBar(History history, boolean quiet, PrintWriter out) {
    if (progressBarShown(quiet)) {
      printEpochLines(history, out);
    }
  }

  /** Prints the line of every epoch of {@code history} to {@code out}. */
  static void printEpochLines(History history, PrintWriter out) {
    for (int k = 0; k < history.size(); k++) {
      out.println(epochLine(history, k));
    }
  }

  /** Returns {@code "epoch <k+1>  loss <loss>  test accuracy <p>%"} for epoch {@code k}. */
  private static String epochLine(History history, int k) {
    return String.format(Locale.ROOT, "epoch %3d  loss %.4f  test accuracy %.2f%%", k + 1,
        history.loss()[k], 100 * history.metric(TEST_ACCURACY)[k]);
  }

  /** Returns {@code "Test accuracy <p>% (<k> of <n>) after <e> epochs"} ("1 epoch" for one). */
  static String accuracyLine(ConfusionMatrix confusion, Dataset test, History history) {
    return String.format(Locale.ROOT, "Test accuracy %.2f%% (%d of %d) after %d %s",
        100 * confusion.accuracy(), Math.round(confusion.accuracy() * test.size()), test.size(),
        history.size(), history.size() == 1 ? "epoch" : "epochs");
  }
}
