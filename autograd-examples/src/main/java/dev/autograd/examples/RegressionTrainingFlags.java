package dev.autograd.examples;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The flags the linear regression examples share ({@code diabetes}, {@code csv}), a picocli mixin
 * of {@link RegressionTraining}'s settings. Its {@code order} attributes (10 to 101) place them in
 * the help after a command's own flags (below 10), {@link HelpFlags}'s {@code -h} and {@code -V}
 * last.
 */
final class RegressionTrainingFlags {
  @Option(names = "--optimizer", paramLabel = "sgd|adam", converter = Cli.OptimizerName.class,
      order = 10, description = "sgd (Nesterov momentum 0.9) or adam (default sgd)")
  String optimizer = "sgd";

  @Option(names = "--lr", paramLabel = "RATE", converter = Cli.PositiveDouble.class, order = 20,
      description = "learning rate (default 0.01)")
  double learningRate = 0.01;

  @Option(names = "--epochs", paramLabel = "N", converter = Cli.PositiveInt.class, order = 30,
      description = "passes over the training rows (default 200)")
  int epochs = 200;

  @Option(names = "--batch-size", paramLabel = "N", converter = Cli.PositiveInt.class,
      order = 40, description = "rows per minibatch (default 32)")
  int batchSize = 32;

  @Option(names = "--seed", paramLabel = "N", converter = Cli.AnyLong.class, order = 50,
      description = "seed of the split, the initial weights and the shuffles (default 42)")
  long seed = 42;

  @Option(names = "--plot", paramLabel = "FILE", converter = Cli.PictureFile.class, order = 60,
      description = "also draw the test rows' predicted against actual targets (PNG or SVG"
          + " after the extension)")
  Path plot;

  @Option(names = "--quiet", order = 70, description = "no progress bar")
  boolean quiet;

  @Mixin HelpFlags helpFlags = new HelpFlags();

  /** Returns the training settings the flags give. */
  RegressionTraining.Config config() {
    return new RegressionTraining.Config(optimizer, learningRate, epochs, batchSize, seed);
  }

  /**
   * Draws the test rows of {@code result} (titled {@code title}, the target called {@code
   * quantity}) if {@code --plot} asked for it, and says so on {@code out}.
   */
  void drawPlot(RegressionTraining.Result result, String title, String quantity,
      PrintWriter out) throws IOException {
    if (plot != null) {
      RegressionPlot.write(result, title, quantity, plot);
      out.println("Wrote " + plot);
    }
  }
}
