package dev.autograd.examples;

import java.nio.file.Path;
import java.util.Random;
import picocli.CommandLine.Option;

/**
 * The flags of demo 2, shared by {@code LinearRegressionDemo} and {@code Demos} (a picocli mixin).
 */
final class RegressionFlags {
  @Option(names = "--w0", paramLabel = "D", converter = Cli.FiniteDouble.class,
      description = "initial weight (default: uniform(-1, 1))")
  Double w0;

  @Option(names = "--b0", paramLabel = "D", converter = Cli.FiniteDouble.class,
      description = "initial bias (default: uniform(-1, 1))")
  Double b0;

  @Option(names = "--seed", paramLabel = "N", converter = Cli.AnyLong.class,
      description = "seed of the random start (default: a fresh random start)")
  Long seed;

  @Option(names = "--epochs", paramLabel = "N", converter = Cli.PositiveInt.class,
      description = "number of epochs (default 5000)")
  int epochs = 5000;

  @Option(names = "--lr", paramLabel = "D", converter = Cli.PositiveDouble.class,
      description = "learning rate (default 1e-3)")
  double learningRate = 1e-3;

  @Option(names = "--optimizer", paramLabel = "NAME", converter = Cli.OptimizerName.class,
      description = "sgd or adam (default sgd, as in the reference program)")
  String optimizer = "sgd";

  @Option(names = "--plot", paramLabel = "FILE", converter = Cli.PictureFile.class,
      description = "also draw the loss curve and the fitted line (PNG or SVG after the extension)")
  Path plot;

  @Option(names = "--eager", description = "rebuild the graph every epoch, as the reference"
      + " program does (default: build it once and replay it compiled; both print the same"
      + " numbers)")
  boolean eager;

  /** Returns demo 2's settings from the parsed flags. */
  LinearRegressionDemo.Options options() {
    Random random = seed != null ? new Random(seed) : new Random();
    return new LinearRegressionDemo.Options(w0, b0, random, epochs, learningRate, optimizer, plot,
        eager);
  }
}
