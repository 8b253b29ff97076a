package dev.autograd.examples;

import dev.autograd.optim.ConfusionMatrix;
import dev.autograd.optim.History;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The flags the classifier examples share ({@code breast-cancer}, {@code iris}, {@code digits}),
 * a picocli mixin; each command creates it with its own default seed and declares the flags whose
 * help names its examples ({@code --epochs}, {@code --batch-size}). The {@code order} attributes
 * place each flag in the help, {@link HelpFlags}'s {@code -h} and {@code -V} last.
 */
final class ClassifierFlags {
  @Option(names = "--lr", paramLabel = "RATE", converter = Cli.PositiveDouble.class, order = 20,
      description = "Adam's learning rate (default 0.01)")
  double learningRate = 0.01;

  @Option(names = "--seed", paramLabel = "N", converter = Cli.AnyLong.class, order = 40,
      description = "seed of the split, the initial weights and the shuffles (default"
          + " ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--plot-confusion", paramLabel = "FILE", converter = Cli.PictureFile.class,
      order = 60, description = "draw the test confusion matrix as a heat map (PNG or SVG after"
          + " the extension)")
  Path confusionPlot;

  @Option(names = "--plot-history", paramLabel = "FILE", converter = Cli.PictureFile.class,
      order = 80, description = "draw the loss and the test accuracy per epoch (PNG or SVG after"
          + " the extension)")
  Path historyPlot;

  @Option(names = "--quiet", order = 90, description = "no progress bar")
  boolean quiet;

  @Mixin HelpFlags helpFlags = new HelpFlags();

  /** Returns the flags with {@code seed} as the default of {@code --seed}. */
  ClassifierFlags(long seed) {
    this.seed = seed;
  }

  /** Draws the confusion matrix titled {@code title} if {@code --plot-confusion} asked for it. */
  void drawConfusion(ConfusionMatrix confusion, List<String> classNames, String title,
      PrintWriter out) throws IOException {
    if (confusionPlot != null) {
      ClassifierPlots.confusion(confusion, classNames, title, confusionPlot);
      out.println("Wrote " + confusionPlot);
    }
  }

  /** Draws the learning curves if {@code --plot-history} asked for them. */
  void drawHistory(History history, PrintWriter out) throws IOException {
    if (historyPlot != null) {
      ClassifierPlots.history(history, historyPlot);
      out.println("Wrote " + historyPlot);
    }
  }
}
