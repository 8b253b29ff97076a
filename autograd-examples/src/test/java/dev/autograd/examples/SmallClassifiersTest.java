package dev.autograd.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The iris and breast cancer examples: default runs, pictures and bad flags. */
class SmallClassifiersTest {
  @TempDir Path dir;

  private static double finalAccuracy(Run run, int epochs, int testSize) {
    assertEquals(0, run.code(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals(epochs + 2, lines.stream().filter(l -> !l.startsWith("Wrote ")).count());
    Matcher m = Pattern.compile("Test accuracy (\\d+\\.\\d\\d)% \\(\\d+ of " + testSize
        + "\\) after " + epochs + " epochs").matcher(lines.get(epochs + 1));
    assertTrue(m.matches(), lines.get(epochs + 1));
    return Double.parseDouble(m.group(1));
  }

  private static void assertPng(Path png, int width, int height) throws IOException {
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(width, image.getWidth(), png + " width");
    assertEquals(height, image.getHeight(), png + " height");
  }

  @Test
  void theIrisDefaultRunReachesAtLeastNinetyFivePercentTestAccuracy() throws IOException {
    Path confusion = dir.resolve("iris-confusion.png");
    Path history = dir.resolve("iris-history.png");
    Run run = Run.of(IrisClassifier::run, "--quiet", "--plot-confusion", confusion.toString(),
        "--plot-history", history.toString());
    assertTrue(run.out().startsWith("Iris: 120 training and 30 test flowers; Mlp(4 -> 16 RELU"
        + " -> 3 LINEAR, 131 parameters); Adam lr 0.01, minibatches of 16\n"), run.out());
    assertTrue(finalAccuracy(run, 50, 30) >= 95.0, run.out());
    assertPng(confusion, 640, 560);
    assertPng(history, 1040, 400);
  }

  @Test
  void theBreastCancerDefaultRunReachesAtLeastNinetyFivePercentTestAccuracy() {
    Run run = Run.of(BreastCancerClassifier::run, "--quiet");
    assertTrue(run.out().startsWith("Breast cancer: 455 training and 114 test tumours;"), run.out());
    assertTrue(finalAccuracy(run, 30, 114) >= 95.0, run.out());
  }

  @Test
  void logisticLossIsTheBinaryCrossEntropyOfTheSigmoid() {
    for (double s : new double[] {-30, -2, 0, 0.5, 3, 40}) {
      for (double y : new double[] {0, 1}) {
        // -(y ln p + (1 - y) ln(1 - p)) with p = 1 / (1 + e^-s) and 1 - p = 1 / (1 + e^s).
        double expected = y * Math.log1p(Math.exp(-s)) + (1 - y) * Math.log1p(Math.exp(s));
        double loss = BreastCancerClassifier.logisticLoss(
            List.of(dev.autograd.core.Value.of(s)), List.of(dev.autograd.core.Value.of(y)))
            .data();
        assertEquals(expected, loss, 1e-12 * Math.max(1, expected), "s=" + s + ", y=" + y);
      }
    }
  }

  @Test
  void badFlagsAreRejectedNamingTheValue() {
    Run.of(IrisClassifier::run, "--lr", "0").assertRejected(Cli.usage(new IrisClassifier()),
        "IrisClassifier: error: --lr must be > 0, got '0'");
    Run.of(BreastCancerClassifier::run, "--epochs", "-3").assertRejected(
        Cli.usage(new BreastCancerClassifier()),
        "BreastCancerClassifier: error: --epochs must be >= 1, got '-3'");
    Run.of(IrisClassifier::run, "--help").assertPrintedHelp(Cli.usage(new IrisClassifier()));
  }
}
