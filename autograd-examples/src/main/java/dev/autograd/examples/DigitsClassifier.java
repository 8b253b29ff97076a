package dev.autograd.examples;

import dev.autograd.data.Dataset;
import dev.autograd.data.Datasets;
import dev.autograd.data.TrainTestSplit;
import dev.autograd.nn.Activation;
import dev.autograd.nn.Init;
import dev.autograd.nn.Mlp;
import dev.autograd.optim.Adam;
import dev.autograd.optim.ConfusionMatrix;
import dev.autograd.optim.CrossEntropyLoss;
import dev.autograd.optim.History;
import dev.autograd.optim.Trainer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Handwritten digit recognition on real data: an {@link Mlp} 64 → 32 → 10 (ReLU hidden layer,
 * linear logits) learns scikit-learn's 8 × 8 digits ({@link Datasets#digits()}, 1,797 images) by
 * softmax cross-entropy ({@link CrossEntropyLoss}) with {@link Adam} on minibatches, trained by
 * the {@link Trainer} on a seeded stratified 80/20 split (1,437 training and 360 test images),
 * pixels standardised on the training part. Prints the loss and test accuracy per epoch, and can
 * draw the confusion matrix, the misclassified test digits and the learning curves.
 */
@Command(name = "digits", versionProvider = Cli.Version.class,
    sortOptions = false, description = "An MLP 64-32-10 (ReLU) learns scikit-learn's 8x8"
        + " handwritten digits with softmax cross-entropy and Adam; prints test accuracy.")
public final class DigitsClassifier implements Callable<Integer> {
  /** Returns the digits example as a command, for picocli (its flags are set by parsing). */
  public DigitsClassifier() {}

  static final double TEST_FRACTION = 0.2;
  static final int CLASSES = 10;

  @Option(names = "--epochs", paramLabel = "N", converter = Cli.PositiveInt.class, order = 10,
      description = "passes over the training images (default 20)")
  private int epochs = 20;

  @Option(names = "--batch-size", paramLabel = "N", converter = Cli.PositiveInt.class,
      order = 15, description = "images per minibatch (default 32)")
  private int batchSize = 32;

  @Option(names = "--hidden", paramLabel = "N", converter = Cli.PositiveInt.class, order = 30,
      description = "units in the hidden layer (default 32)")
  private int hidden = 32;

  @Mixin private final ClassifierFlags flags = new ClassifierFlags(0);

  @Option(names = "--target-accuracy", paramLabel = "A", converter = Fraction.class, order = 41,
      description = "stop after the first epoch whose test accuracy is at least A (0 to 1),"
          + " and print the time it took")
  private Double targetAccuracy;

  @Option(names = "--eager", order = 42, description = "build every example's graph instead of"
      + " replaying one recorded graph")
  private boolean eager;

  @Option(names = "--write-split", paramLabel = "FILE", converter = Cli.OutputFile.class,
      order = 43, description = "write the training and test row numbers of the digits data to"
          + " FILE")
  private Path splitFile;

  @Option(names = "--plot-errors", paramLabel = "FILE", converter = Cli.PictureFile.class,
      order = 70, description = "draw the misclassified test digits with true and predicted"
          + " labels (FILE.png or .svg)")
  private Path errorsPlot;

  @Spec private CommandSpec spec;

  /** A number from 0 to 1. */
  static final class Fraction implements picocli.CommandLine.ITypeConverter<Double> {
    @Override
    public Double convert(String text) {
      double x = new Cli.FiniteDouble().convert(text);
      if (!(x >= 0 && x <= 1)) {
        throw new picocli.CommandLine.TypeConversionException(
            "must be from 0 to 1, got '" + text + "'");
      }
      return x;
    }
  }

  /** How to train; {@code targetAccuracy} is NaN for none. */
  record Config(int epochs, int batchSize, double learningRate, int hidden, long seed,
      Trainer.Mode mode, double targetAccuracy) {}

  /**
   * What a run produced: the model, the split, the test images' predicted classes, the history
   * (loss and test accuracy per epoch) and the seconds training took (epochs and the test
   * evaluation after each).
   */
  record Result(Mlp model, TrainTestSplit split, Dataset test, int[] predicted,
      ConfusionMatrix confusion, History history, double seconds) {}

  /** Runs {@link #run(String[], PrintStream, PrintStream)} and exits with its code if non-zero. */
  public static void main(String[] args) {
    Cli.exitOnFailure(run(args, System.out, System.err));
  }

  /**
   * Trains with the flags in {@code args}, printing progress to {@code out}; returns the exit
   * code: 0, or 2 after printing an error and the usage to {@code err} for a bad command line, or
   * 1 if a file cannot be written.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return Cli.execute(new DigitsClassifier(), args, out, err);
  }

  /** Trains with the parsed flags, writes the files asked for; returns 0. */
  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Config config = new Config(epochs, batchSize, flags.learningRate, hidden, flags.seed,
        eager ? Trainer.Mode.EAGER : Trainer.Mode.REPLAYED,
        targetAccuracy == null ? Double.NaN : targetAccuracy);
    Result result = train(config, out, flags.quiet);
    Cli.warnIfDiverged(spec.commandLine().getErr(), spec.qualifiedName(),
        result.history().loss());
    if (splitFile != null) {
      writeSplit(result.split(), splitFile);
      out.println("Wrote " + splitFile);
    }
    flags.drawConfusion(result.confusion(), result.test().classNames(), "Digits", out);
    if (errorsPlot != null) {
      DigitsPlots.misclassified(result.split().test(), result.predicted(), errorsPlot);
      out.println("Wrote " + errorsPlot);
    }
    flags.drawHistory(result.history(), out);
    return 0;
  }

  /** Splits, standardises and trains as the class comment says, printing each epoch. */
  static Result train(Config config, PrintWriter out, boolean quiet) {
    ClassifierTraining.Parts parts =
        ClassifierTraining.Parts.of(Datasets.digits(), TEST_FRACTION, config.seed());
    TrainTestSplit split = parts.split();
    Dataset train = parts.train();
    Dataset test = parts.test();
    Mlp model = new Mlp(train.featureCount(), List.of(config.hidden(), CLASSES),
        Activation.RELU, Init.XAVIER, new Random(config.seed()));
    out.println(parts.header("Digits", "images", model, config.learningRate(),
        config.batchSize()) + (config.mode() == Trainer.Mode.EAGER ? ", eager" : ", replayed"));
    Trainer trainer = ClassifierTraining.trainer(model::forward, CrossEntropyLoss::of,
        model.parameters(), config.learningRate(), config.epochs(), config.batchSize(),
        config.seed(), quiet, test, data -> Predictions.classes(model, data), out)
        .mode(config.mode());
    if (!Double.isNaN(config.targetAccuracy())) {
      trainer.stopWhen(h -> h.metric(ClassifierTraining.TEST_ACCURACY)[h.size() - 1]
          >= config.targetAccuracy());
    }
    long start = System.nanoTime();
    History history = trainer.fit(train.features(), ClassifierTraining.oneHot(train, CLASSES));
    double seconds = (System.nanoTime() - start) / 1e9;
    int[] predicted = Predictions.classes(model, test);
    ConfusionMatrix confusion = ConfusionMatrix.of(test.labels(), predicted, CLASSES);
    out.println(ClassifierTraining.accuracyLine(confusion, test, history)
        + String.format(Locale.ROOT, "; training took %.2f s", seconds));
    if (!Double.isNaN(config.targetAccuracy())) {
      boolean reached = confusion.accuracy() >= config.targetAccuracy();
      out.println(String.format(Locale.ROOT, "%s %.2f%% test accuracy %s epoch %d, %.2f s",
          reached ? "Reached" : "Did not reach", 100 * config.targetAccuracy(),
          reached ? "at" : "by", history.size(), seconds));
    }
    return new Result(model, split, test, predicted, confusion, history, seconds);
  }


  /** Writes {@code train: i,j,...} and {@code test: ...}: the digits rows of each part. */
  static void writeSplit(TrainTestSplit split, Path file) throws IOException {
    Files.writeString(file, "train: " + join(split.trainRows()) + "\ntest: "
        + join(split.testRows()) + "\n", StandardCharsets.UTF_8);
  }

  private static String join(int[] rows) {
    return Arrays.stream(rows).mapToObj(Integer::toString).collect(Collectors.joining(","));
  }
}
