package dev.autograd.examples;

import dev.autograd.core.Value;
import dev.autograd.data.Dataset;
import dev.autograd.data.Datasets;
import dev.autograd.data.Standardizer;
import dev.autograd.data.TrainTestSplit;
import dev.autograd.nn.Activation;
import dev.autograd.nn.Init;
import dev.autograd.nn.BiasTrickLinear;
import dev.autograd.optim.Adam;
import dev.autograd.optim.ConfusionMatrix;
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
 * Logistic regression on the breast cancer Wisconsin (diagnostic) data ({@link
 * Datasets#breastCancer()}: 569 tumours, 30 features of cell nuclei, malignant or benign): a
 * {@link BiasTrickLinear} 30 → 1 gives a score {@code s}, the log-odds of benign, trained with
 * the binary cross-entropy on that score, {@code softplus(s) - y s} (PyTorch's {@code
 * BCEWithLogitsLoss}, stable for any {@code s}), by {@link Adam} with the {@link Trainer} on a
 * seeded stratified 80/20 split (455 training and 114 test tumours) standardised on the training
 * part. A score above 0 predicts benign. Prints the test accuracy per epoch and can draw the
 * confusion matrix and the learning curves.
 */
@Command(name = "breast-cancer", mixinStandardHelpOptions = true,
    versionProvider = Cli.Version.class, sortOptions = false, description = "Logistic"
        + " regression (30 -> 1) tells malignant from benign tumours; prints test accuracy.")
public final class BreastCancerClassifier implements Callable<Integer> {
  /** Returns the breast cancer example as a command, for picocli (its flags are set by parsing). */
  public BreastCancerClassifier() {}

  @Option(names = "--epochs", paramLabel = "N", converter = Cli.PositiveInt.class,
      description = "passes over the training tumours (default 30)")
  private int epochs = 30;

  @Option(names = "--lr", paramLabel = "RATE", converter = Cli.PositiveDouble.class,
      description = "Adam's learning rate (default 0.01)")
  private double learningRate = 0.01;

  @Option(names = "--batch-size", paramLabel = "N", converter = Cli.PositiveInt.class,
      description = "tumours per minibatch (default 32)")
  private int batchSize = 32;

  @Option(names = "--seed", paramLabel = "N", converter = Cli.AnyLong.class,
      description = "seed of the split, the initial weights and the shuffles (default 0)")
  private long seed = 0;

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
    return Cli.execute(new BreastCancerClassifier(), args, out, err);
  }

  /** Trains with the parsed flags and draws the pictures asked for; returns 0. */
  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Result result = train(out);
    Cli.warnIfDiverged(spec.commandLine().getErr(), spec.qualifiedName(),
        result.history().loss());
    if (confusionPlot != null) {
      ClassifierPlots.confusion(result.confusion(), result.test().classNames(), "Breast cancer",
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
    TrainTestSplit split = TrainTestSplit.stratified(Datasets.breastCancer(), 0.2, seed);
    Standardizer scaler = Standardizer.fit(split.train());
    Dataset train = scaler.transform(split.train());
    Dataset test = scaler.transform(split.test());
    BiasTrickLinear model = new BiasTrickLinear(train.featureCount(), 1, Activation.LINEAR,
        Init.XAVIER, new Random(seed));
    out.println(String.format(Locale.ROOT, "Breast cancer: %d training and %d test tumours; %s;"
        + " Adam lr %s, minibatches of %d", train.size(), test.size(), model, learningRate,
        batchSize));
    double[][] targets = new double[train.size()][];
    for (int i = 0; i < train.size(); i++) {
      targets[i] = new double[] {train.label(i)};
    }
    History history = new Trainer(model::forward, BreastCancerClassifier::logisticLoss,
        new Adam(model.parameters(), learningRate))
        .epochs(epochs).batchSize(batchSize).shuffleSeed(seed).quiet(quiet)
        .metric("test accuracy", () -> ConfusionMatrix.accuracy(test.labels(),
            predict(model, test)))
        .afterEpoch(h -> out.println(String.format(Locale.ROOT,
            "epoch %3d  loss %.4f  test accuracy %.2f%%", h.size(), h.loss()[h.size() - 1],
            100 * h.metric("test accuracy")[h.size() - 1])))
        .fit(train.features(), targets);
    ConfusionMatrix confusion = ConfusionMatrix.of(test.labels(), predict(model, test), 2);
    out.println(String.format(Locale.ROOT, "Test accuracy %.2f%% (%d of %d) after %d epochs",
        100 * confusion.accuracy(), Math.round(confusion.accuracy() * test.size()), test.size(),
        history.size()));
    return new Result(test, confusion, history);
  }

  /**
   * Returns the binary cross-entropy of the score {@code scores[0]} against the label {@code
   * labels[0]} (0 or 1): {@code -(y ln sigmoid(s) + (1 - y) ln(1 - sigmoid(s))) = softplus(s) - y
   * s}, PyTorch's {@code BCEWithLogitsLoss}.
   */
  static Value logisticLoss(List<Value> scores, List<Value> labels) {
    Value s = scores.get(0);
    return s.softplus().sub(labels.get(0).mul(s));
  }

  /** Returns 1 (benign) for each row whose score is above 0, else 0 (malignant). */
  static int[] predict(BiasTrickLinear model, Dataset data) {
    int[] out = new int[data.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = model.predict(data.features(i))[0] > 0 ? 1 : 0;
    }
    return out;
  }
}
