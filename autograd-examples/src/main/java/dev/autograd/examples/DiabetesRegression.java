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
import dev.autograd.optim.History;
import dev.autograd.optim.Momentum;
import dev.autograd.optim.MseLoss;
import dev.autograd.optim.Optimizer;
import dev.autograd.optim.Sgd;
import dev.autograd.optim.Trainer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The reference program's linear regression grown to real data: {@code BiasTrickLinear(10 → 1)}
 * learns the diabetes data of Efron et al. (442 patients, 10 measurements, disease progression a
 * year later; {@link Datasets#diabetes()}) by minibatch MSE with SGD (Nesterov momentum 0.9) or
 * Adam, on a seeded 80/20 split with features standardised on the training part. Prints the
 * learned coefficients (progression per standard deviation of each feature) and the test MSE, and
 * can draw predicted against actual progression.
 */
@Command(name = "diabetes", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
    sortOptions = false, description = "Linear regression (10 -> 1, bias trick) on scikit-learn's"
        + " diabetes data with MSE; prints the coefficients and the test MSE.")
public final class DiabetesRegression implements Callable<Integer> {
  /** Returns the diabetes example as a command, for picocli (its flags are set by parsing). */
  public DiabetesRegression() {}

  static final double TEST_FRACTION = 0.2;

  @Option(names = "--optimizer", paramLabel = "sgd|adam", converter = OptimizerName.class,
      description = "sgd (Nesterov momentum 0.9) or adam (default sgd)")
  private String optimizer = "sgd";

  @Option(names = "--lr", paramLabel = "RATE", converter = Cli.PositiveDouble.class,
      description = "learning rate (default 0.01)")
  private double learningRate = 0.01;

  @Option(names = "--epochs", paramLabel = "N", converter = Cli.PositiveInt.class,
      description = "passes over the training rows (default 200)")
  private int epochs = 200;

  @Option(names = "--batch-size", paramLabel = "N", converter = Cli.PositiveInt.class,
      description = "rows per minibatch (default 32)")
  private int batchSize = 32;

  @Option(names = "--seed", paramLabel = "N", converter = Cli.AnyLong.class,
      description = "seed of the split, the initial weights and the shuffles (default 42)")
  private long seed = 42;

  @Option(names = "--plot", paramLabel = "FILE", converter = Cli.PictureFile.class,
      description = "also draw predicted against actual progression (PNG or SVG after the extension)")
  private Path plot;

  @Option(names = "--quiet", description = "no progress bar")
  private boolean quiet;

  @Spec private CommandSpec spec;

  /** {@code sgd} or {@code adam}. */
  static final class OptimizerName implements ITypeConverter<String> {
    @Override
    public String convert(String text) {
      if (!text.equals("sgd") && !text.equals("adam")) {
        throw new TypeConversionException("must be sgd or adam, got '" + text + "'");
      }
      return text;
    }
  }

  /** How to train: the optimizer's name ({@code sgd} or {@code adam}) and its settings. */
  record Config(String optimizer, double learningRate, int epochs, int batchSize, long seed) {}

  /**
   * What a run produced: the model, the coefficients in feature order and the bias (its last
   * weight), the test rows' actual and predicted progression, both MSEs and the history.
   */
  record Result(BiasTrickLinear model, List<String> featureNames, double[] coefficients,
      double bias, int trainSize, double trainMse, double testMse, double[] testActual,
      double[] testPredicted, History history) {}

  /** Runs {@link #run(String[], PrintStream, PrintStream)} and exits with its code if non-zero. */
  public static void main(String[] args) {
    Cli.exitOnFailure(run(args, System.out, System.err));
  }

  /**
   * Trains with the flags in {@code args}, printing the coefficients and MSEs to {@code out};
   * returns the exit code: 0, or 2 after printing an error and the usage to {@code err} for a bad
   * command line, or 1 if the plot cannot be written.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return Cli.execute(new DiabetesRegression(), args, out, err);
  }

  /** Trains with the parsed flags, prints the result and draws any plot; returns 0. */
  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Config config = new Config(optimizer, learningRate, epochs, batchSize, seed);
    Result result = train(config, quiet);
    print(result, config, out);
    Cli.warnIfDiverged(spec.commandLine().getErr(), spec.qualifiedName(),
        result.history().loss());
    if (plot != null) {
      DiabetesPlot.write(result, plot);
      out.println("Wrote " + plot);
    }
    return 0;
  }

  /** Splits, standardises and trains as the class comment says; returns what came out. */
  static Result train(Config config, boolean quiet) {
    TrainTestSplit split = TrainTestSplit.shuffled(Datasets.diabetes(), TEST_FRACTION,
        config.seed());
    Standardizer scaler = Standardizer.fit(split.train());
    Dataset train = scaler.transform(split.train());
    Dataset test = scaler.transform(split.test());
    BiasTrickLinear model = new BiasTrickLinear(train.featureCount(), 1, Activation.LINEAR,
        Init.XAVIER, new Random(config.seed()));
    History history = fit(model, train, config, quiet);
    List<Value> weights = model.parameters();
    double[] coefficients = new double[train.featureCount()];
    for (int j = 0; j < coefficients.length; j++) {
      coefficients[j] = weights.get(j).data();
    }
    double[] predicted = predict(model, test.features());
    return new Result(model, train.featureNames(), coefficients,
        weights.get(coefficients.length).data(), train.size(), mse(predict(model, train.features()),
            train.targets()), mse(predicted, test.targets()), test.targets(), predicted, history);
  }

  /**
   * Trains {@code model} on {@code train}'s rows and targets by per-example MSE, as {@code config}
   * says; returns the history (with the training MSE after each epoch).
   */
  static History fit(BiasTrickLinear model, Dataset train, Config config, boolean quiet) {
    Optimizer optimizer = config.optimizer().equals("adam")
        ? new Adam(model.parameters(), config.learningRate())
        : new Sgd(model.parameters(), config.learningRate(), Momentum.NESTEROV, 0.9);
    return new Trainer(model::forward, MseLoss::of, optimizer)
        .epochs(config.epochs()).batchSize(config.batchSize()).shuffleSeed(config.seed())
        .quiet(quiet)
        .fit(train.features(), train.targetRows());
  }

  /** Returns the model's output for each row of {@code x}. */
  static double[] predict(BiasTrickLinear model, double[][] x) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      List<Value> row = new ArrayList<>(x[i].length);
      for (double v : x[i]) {
        row.add(Value.of(v));
      }
      out[i] = model.forward(row).get(0).data();
    }
    return out;
  }

  /** Returns {@code mean((predicted - actual)^2)}. */
  static double mse(double[] predicted, double[] actual) {
    double sum = 0;
    for (int i = 0; i < predicted.length; i++) {
      double d = predicted[i] - actual[i];
      sum += d * d;
    }
    return sum / predicted.length;
  }

  private static void print(Result result, Config config, PrintWriter out) {
    out.println(String.format(Locale.ROOT, "Diabetes: %d training rows, %d test rows; %s lr %s,"
        + " %d epochs, minibatches of %d, seed %d", result.trainSize(), result.testActual().length,
        config.optimizer(), config.learningRate(), config.epochs(), config.batchSize(),
        config.seed()));
    out.println("Coefficients (progression per standard deviation):");
    for (int j = 0; j < result.coefficients().length; j++) {
      out.println(String.format(Locale.ROOT, "  %-4s %9.3f", result.featureNames().get(j),
          result.coefficients()[j]));
    }
    out.println(String.format(Locale.ROOT, "  %-4s %9.3f", "bias", result.bias()));
    out.println(String.format(Locale.ROOT, "Training MSE %.1f, test MSE %.1f (RMSE %.1f)",
        result.trainMse(), result.testMse(), Math.sqrt(result.testMse())));
  }
}
