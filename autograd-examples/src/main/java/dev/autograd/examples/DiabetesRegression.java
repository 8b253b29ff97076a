package dev.autograd.examples;

import dev.autograd.data.Datasets;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The reference program's linear regression grown to real data: {@code BiasTrickLinear(10 → 1)}
 * learns the diabetes data of Efron et al. (442 patients, 10 measurements, disease progression a
 * year later; {@link Datasets#diabetes()}) by minibatch MSE with SGD (Nesterov momentum 0.9) or
 * Adam, on a seeded 80/20 split with features standardised on the training part. Prints the
 * learned coefficients (progression per standard deviation of each feature) and the test MSE, and
 * can draw predicted against actual progression. The training is {@code RegressionTraining}'s,
 * shared with {@link CsvRegression}.
 */
@Command(name = "diabetes", versionProvider = Cli.Version.class, sortOptions = false,
    description = "Linear regression (10 -> 1, bias trick) on scikit-learn's diabetes data with"
        + " MSE; prints the coefficients and the test MSE.")
public final class DiabetesRegression implements Callable<Integer> {
  /** The diabetes data's name in messages about its values. */
  private static final String SOURCE = "diabetes";

  /** Returns the diabetes example as a command, for picocli (its flags are set by parsing). */
  public DiabetesRegression() {}

  @Mixin private final RegressionTrainingFlags flags = new RegressionTrainingFlags();

  @Spec private CommandSpec spec;

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
    RegressionTraining.Config config = flags.config();
    RegressionTraining.Parts parts =
        RegressionTraining.Parts.of(Datasets.diabetes(), SOURCE, config.seed());
    RegressionTraining.printHeader("Diabetes", parts, config, out);
    RegressionTraining.Result result = RegressionTraining.train(parts, config, flags.quiet);
    RegressionTraining.printResult("progression", result, out);
    RegressionTraining.warnIfNotFinite(spec.commandLine().getErr(), spec.qualifiedName(),
        result);
    flags.drawPlot(result, "Diabetes", "progression", out);
    return 0;
  }

  /** Trains on the diabetes data as {@link RegressionTraining#train} does. */
  static RegressionTraining.Result train(RegressionTraining.Config config, boolean quiet) {
    return RegressionTraining.train(Datasets.diabetes(), SOURCE, config, quiet);
  }
}
