package dev.autograd.examples;

import dev.autograd.data.Dataset;
import dev.autograd.data.Datasets;
import dev.autograd.data.Standardizer;
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
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Fisher's iris flowers ({@link Datasets#iris()}: 150 flowers, 4 measurements, 3 species): an
 * {@link Mlp} 4 → 16 → 3 (ReLU hidden layer, linear logits) learns the species by softmax
 * cross-entropy with {@link Adam}, trained by the {@link Trainer} on a seeded stratified 80/20
 * split (120 training and 30 test flowers) standardised on the training part. Prints the test
 * accuracy per epoch and can draw the confusion matrix and the learning curves.
 */
@Command(name = "iris", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
    sortOptions = false, description = "An MLP 4-16-3 (ReLU) learns the iris species with"
        + " softmax cross-entropy and Adam; prints test accuracy.")
public final class IrisClassifier implements Callable<Integer> {
  /** Returns the iris example as a command, for picocli (its flags are set by parsing). */
  public IrisClassifier() {}

  static final int HIDDEN = 16;

  @Option(names = "--epochs", paramLabel = "N", converter = Cli.PositiveInt.class,
      description = "passes over the training flowers (default 50)")
  private int epochs = 50;

  @Option(names = "--lr", paramLabel = "RATE", converter = Cli.PositiveDouble.class,
      description = "Adam's learning rate (default 0.01)")
  private double learningRate = 0.01;

  @Option(names = "--batch-size", paramLabel = "N", converter = Cli.PositiveInt.class,
      description = "flowers per minibatch (default 16)")
  private int batchSize = 16;

  @Option(names = "--seed", paramLabel = "N", converter = Cli.AnyLong.class,
      description = "seed of the split, the initial weights and the shuffles (default 1)")
  private long seed = 1;

  @Option(names = "--plot-confusion", paramLabel = "FILE", converter = Cli.PictureFile.class,
      description = "draw the test confusion matrix as a heat map (FILE.png or .svg)")
  private Path confusionPlot;

  @Option(names = "--plot-history", paramLabel = "FILE", converter = Cli.PictureFile.class,
      description = "draw the loss and the test accuracy per epoch (FILE.png or .svg)")
  private Path historyPlot;

  @Option(names = "--quiet", description = "no progress bar")
  private boolean quiet;

  @Spec private CommandSpec spec;

  /** What a run produced: the test part, its confusion matrix and the history. */
  record Result(Dataset test, ConfusionMatrix confusion, History history) {}

  /** Runs {@link #run(String[], PrintStream, PrintStream)} and exits with its code if non-zero. */
  public static void main(String[] args) {
    Cli.exitOnFailure(run(args, System.out, System.err));
  }

  /**
   * Trains with the flags in {@code args}, printing progress to {@code out}; returns the exit
   * code: 0, or 2 after printing an error and the usage to {@code err} for a bad command line, or
   * 1 if a picture cannot be written.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return Cli.execute(new IrisClassifier(), args, out, err);
  }

  /** Trains with the parsed flags and draws the pictures asked for; returns 0. */
  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Result result = train(out);
    Cli.warnIfDiverged(spec.commandLine().getErr(), spec.qualifiedName(),
        result.history().loss());
    if (confusionPlot != null) {
      ClassifierPlots.confusion(result.confusion(), result.test().classNames(), "Iris",
          confusionPlot);
      out.println("Wrote " + confusionPlot);
    }
    if (historyPlot != null) {
      ClassifierPlots.history(result.history(), historyPlot);
      out.println("Wrote " + historyPlot);
    }
    return 0;
  }

  private Result train(PrintWriter out) {
    TrainTestSplit split = TrainTestSplit.stratified(Datasets.iris(), 0.2, seed);
    Standardizer scaler = Standardizer.fit(split.train());
    Dataset train = scaler.transform(split.train());
    Dataset test = scaler.transform(split.test());
    int classes = train.classCount();
    Mlp model = new Mlp(train.featureCount(), List.of(HIDDEN, classes), Activation.RELU,
        Init.XAVIER, new Random(seed));
    out.println(String.format(Locale.ROOT, "Iris: %d training and %d test flowers; %s; Adam lr"
        + " %s, minibatches of %d", train.size(), test.size(), model, learningRate, batchSize));
    double[][] targets = new double[train.size()][classes];
    for (int i = 0; i < train.size(); i++) {
      targets[i][train.label(i)] = 1.0;
    }
    History history = new Trainer(model::forward, CrossEntropyLoss::of,
        new Adam(model.parameters(), learningRate))
        .epochs(epochs).batchSize(batchSize).shuffleSeed(seed).quiet(quiet)
        .metric("test accuracy", () -> ConfusionMatrix.accuracy(test.labels(),
            Predictions.classes(model, test)))
        .afterEpoch(h -> out.println(String.format(Locale.ROOT,
            "epoch %3d  loss %.4f  test accuracy %.2f%%", h.size(), h.loss()[h.size() - 1],
            100 * h.metric("test accuracy")[h.size() - 1])))
        .fit(train.features(), targets);
    ConfusionMatrix confusion =
        ConfusionMatrix.of(test.labels(), Predictions.classes(model, test), classes);
    out.println(String.format(Locale.ROOT, "Test accuracy %.2f%% (%d of %d) after %d epochs",
        100 * confusion.accuracy(), Math.round(confusion.accuracy() * test.size()), test.size(),
        history.size()));
    return new Result(test, confusion, history);
  }
}
