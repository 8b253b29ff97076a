package dev.autograd.examples;

import dev.autograd.core.Value;
import dev.autograd.data.Dataset;
import dev.autograd.data.Datasets;
import dev.autograd.nn.Activation;
import dev.autograd.nn.Init;
import dev.autograd.nn.BiasTrickLinear;
import dev.autograd.optim.Adam;
import dev.autograd.optim.ConfusionMatrix;
import dev.autograd.optim.History;
import dev.autograd.optim.Trainer;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Random;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
@Command(name = "breast-cancer", versionProvider = Cli.Version.class, sortOptions = false,
    description = "Logistic regression (30 -> 1) tells malignant from benign tumours; prints"
        + " test accuracy.")
public final class BreastCancerClassifier extends ClassifierCommand {
  /** Returns the breast cancer example as a command, for picocli (its flags are set by parsing). */
  public BreastCancerClassifier() {
    super("Breast cancer", 0);
  }

  @Option(names = "--epochs", paramLabel = "N", converter = Cli.PositiveInt.class, order = 10,
      description = "passes over the training tumours (default 30)")
  private int epochs = 30;

  @Option(names = "--batch-size", paramLabel = "N", converter = Cli.PositiveInt.class,
      order = 30, description = "tumours per minibatch (default 32)")
  private int batchSize = 32;

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

  @Override
  Result train(PrintWriter out) {
    ClassifierTraining.Parts parts =
        ClassifierTraining.Parts.of(Datasets.breastCancer(), 0.2, flags.seed);
    Dataset train = parts.train();
    Dataset test = parts.test();
    BiasTrickLinear model = new BiasTrickLinear(train.featureCount(), 1, Activation.LINEAR,
        Init.XAVIER, new Random(flags.seed));
    out.println(parts.header("Breast cancer", "tumours", model, flags.learningRate, batchSize));
    History history = ClassifierTraining.trainer(model::forward,
        BreastCancerClassifier::logisticLoss, new Adam(model.parameters(), flags.learningRate),
        epochs,
        batchSize, flags.seed, flags.quiet, test, data -> predict(model, data), out)
        .fit(train.features(), train.targetRows());
    ConfusionMatrix confusion = ConfusionMatrix.of(test.labels(), predict(model, test), 2);
    out.println(ClassifierTraining.accuracyLine(confusion, test, history));
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
