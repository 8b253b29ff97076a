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
   * predict} on {@code test} and prints the epoch, its loss and that accuracy to {@code out} (above
   * the trainer's progress bar when it shows).
   */
  static Trainer trainer(Function<List<Value>, List<Value>> model, Loss loss,
      Optimizer optimizer, int epochs, int batchSize, long seed, boolean quiet, Dataset test,
      Function<Dataset, int[]> predict, PrintWriter out) {
    return new Trainer(model, loss, optimizer)
        .epochs(epochs).batchSize(batchSize).shuffleSeed(seed).quiet(quiet)
        .metric(TEST_ACCURACY, () -> ConfusionMatrix.accuracy(test.labels(), predict.apply(test)))
        .afterEpoch(h -> out.println(epochLine(h, h.size() - 1)));
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
