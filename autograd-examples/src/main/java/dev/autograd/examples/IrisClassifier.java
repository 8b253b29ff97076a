package dev.autograd.examples;

import dev.autograd.data.Dataset;
import dev.autograd.data.Datasets;
import dev.autograd.nn.Activation;
import dev.autograd.nn.Init;
import dev.autograd.nn.Mlp;
import dev.autograd.optim.Adam;
import dev.autograd.optim.ConfusionMatrix;
import dev.autograd.optim.CrossEntropyLoss;
import dev.autograd.optim.History;
import dev.autograd.optim.Trainer;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Random;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Fisher's iris flowers ({@link Datasets#iris()}: 150 flowers, 4 measurements, 3 species): an
 * {@link Mlp} 4 → 16 → 3 (ReLU hidden layer, linear logits) learns the species by softmax
 * cross-entropy with {@link Adam}, trained by the {@link Trainer} on a seeded stratified 80/20
 * split (120 training and 30 test flowers) standardised on the training part. Prints the test
 * accuracy per epoch and can draw the confusion matrix and the learning curves.
 */
@Command(name = "iris", versionProvider = Cli.Version.class,
    sortOptions = false, description = "An MLP 4-16-3 (ReLU) learns the iris species with"
        + " softmax cross-entropy and Adam; prints test accuracy.")
public final class IrisClassifier extends ClassifierCommand {
  /** Returns the iris example as a command, for picocli (its flags are set by parsing). */
  public IrisClassifier() {
    super("Iris", 1);
  }

  static final int HIDDEN = 16;

  @Option(names = "--epochs", paramLabel = "N", converter = Cli.PositiveInt.class, order = 10,
      description = "passes over the training flowers (default 50)")
  private int epochs = 50;

  @Option(names = "--batch-size", paramLabel = "N", converter = Cli.PositiveInt.class,
      order = 30, description = "flowers per minibatch (default 16)")
  private int batchSize = 16;

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

  @Override
  Result train(PrintWriter out) {
    ClassifierTraining.Parts parts = ClassifierTraining.Parts.of(Datasets.iris(), 0.2, flags.seed);
    Dataset train = parts.train();
    Dataset test = parts.test();
    int classes = train.classCount();
    Mlp model = new Mlp(train.featureCount(), List.of(HIDDEN, classes), Activation.RELU,
        Init.XAVIER, new Random(flags.seed));
    out.println(parts.header("Iris", "flowers", model, flags.learningRate, batchSize));
    History history = ClassifierTraining.trainer(model::forward, CrossEntropyLoss::of,
        new Adam(model.parameters(), flags.learningRate), epochs, batchSize, flags.seed,
        flags.quiet, test, data -> Predictions.classes(model, data), out)
        .fit(train.features(), train.oneHotTargets());
    ConfusionMatrix confusion =
        ConfusionMatrix.of(test.labels(), Predictions.classes(model, test), classes);
    out.println(ClassifierTraining.accuracyLine(confusion, test, history));
    return new Result(test, confusion, history);
  }
}
