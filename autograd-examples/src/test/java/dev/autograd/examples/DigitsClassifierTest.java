package dev.autograd.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autograd.core.Value;
import dev.autograd.jit.GeneratedGradients;
import dev.autograd.optim.MinibatchGradients;
import dev.autograd.optim.Trainer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigitsClassifierTest {
  @TempDir Path dir;

  /**
   * A shorter run than the default 20 epochs, to keep the test fast: the default split (seed 0)
   * passes 96% test accuracy after 5 epochs. The full run's figure is in the examples README.
   */
  @Test
  void fiveEpochsReachAtLeastNinetySixPercentTestAccuracyAndDrawThreePictures()
      throws IOException {
    Path confusion = dir.resolve("confusion.png");
    Path errors = dir.resolve("errors.png");
    Path history = dir.resolve("history.png");
    Path split = dir.resolve("split.txt");
    Run run = Run.of(DigitsClassifier::run, "--epochs", "5", "--quiet",
        "--plot-confusion", confusion.toString(), "--plot-errors", errors.toString(),
        "--plot-history", history.toString(), "--write-split", split.toString());
    assertEquals(0, run.code(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals("Digits: 1437 training and 360 test images; Mlp(64 -> 32 RELU -> 10 LINEAR, 2410"
        + " parameters); Adam lr 0.01, minibatches of 32, batched replay", lines.get(0));
    assertTrue(lines.get(1).matches("epoch   1  loss \\d\\.\\d{4}  test accuracy \\d+\\.\\d\\d%"),
        lines.get(1));
    Matcher m = Pattern.compile("Test accuracy (\\d+\\.\\d\\d)% \\((\\d+) of 360\\) after 5 epochs;"
        + " training took \\d+\\.\\d\\d s").matcher(lines.get(6));
    assertTrue(m.matches(), lines.get(6));
    assertTrue(Double.parseDouble(m.group(1)) >= 96.0, lines.get(6));
    assertPng(confusion, 640, 560);
    assertPng(history, 1040, 400);
    int wrong = 360 - Integer.parseInt(m.group(2)); // drawn 6 to a row, each 180 x 200
    assertPng(errors, 180 * Math.min(6, wrong), 200 * ((Math.min(24, wrong) + 5) / 6));
    assertTrue(run.out().contains("Wrote " + errors.toAbsolutePath() + "\n"), run.out());
    List<String> parts = Files.readAllLines(split);
    assertEquals(1437, parts.get(0).split(",").length);
    assertEquals(360, parts.get(1).split(",").length);
  }

  private static void assertPng(Path png, int width, int height) throws IOException {
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(width, image.getWidth(), png + " width");
    assertEquals(height, image.getHeight(), png + " height");
  }

  /**
   * The generated engine ({@code --generated}, here on 1 and on 3 threads) must train to the same
   * parameters and losses, bit for bit, as the interpreter's replay.
   */
  @Test
  void oneEpochWithTheGeneratedEngineGivesTheReplayedModesParametersBitForBit() {
    DigitsClassifier.Result replayed = oneEpoch(Trainer.Mode.REPLAYED);
    for (int threads : new int[] {1, 3}) {
      DigitsClassifier.Result generated = oneEpoch(GeneratedGradients.factory(threads));
      List<Value> expected = replayed.model().parameters();
      List<Value> actual = generated.model().parameters();
      assertEquals(expected.size(), actual.size());
      for (int i = 0; i < expected.size(); i++) {
        assertEquals(Double.doubleToRawLongBits(expected.get(i).data()),
            Double.doubleToRawLongBits(actual.get(i).data()),
            "parameter " + i + " on " + threads + " threads");
      }
      assertEquals(Double.doubleToRawLongBits(replayed.history().loss()[0]),
          Double.doubleToRawLongBits(generated.history().loss()[0]), "epoch loss");
    }
  }

  private static DigitsClassifier.Result oneEpoch(MinibatchGradients.Factory engine) {
    return DigitsClassifier.train(new DigitsClassifier.Config(1, 32, 0.01, 32, 0, engine,
        Double.NaN), new PrintWriter(Writer.nullWriter()), true);
  }

  @Test
  void theTargetAccuracyStopsTrainingAtTheFirstEpochThatReachesIt() {
    Run run = Run.of(DigitsClassifier::run, "--epochs", "20", "--quiet",
        "--target-accuracy", "0.9");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("\nReached 90.00% test accuracy at epoch 1, "), run.out());
    assertTrue(run.out().contains(" after 1 epoch; training took "), run.out());
    // milliseconds: compare-sklearn.sh reads this time, and a warm run takes about 0.1 s
    assertTrue(run.out().lines().anyMatch(
        l -> l.matches("Reached 90\\.00% test accuracy at epoch 1, \\d+\\.\\d{3} s")), run.out());
    assertTrue(run.out().lines().findFirst().orElseThrow()
        .endsWith("minibatches of 32, batched replay"), run.out());
    Run generated = Run.of(DigitsClassifier::run, "--epochs", "20", "--quiet", "--generated",
        "--target-accuracy", "0.9");
    assertEquals(0, generated.code(), generated.err());
    assertTrue(generated.out().lines().findFirst().orElseThrow()
        .endsWith("minibatches of 32, generated replay"), generated.out());
    assertTrue(generated.out().contains("\nReached 90.00% test accuracy at epoch 1, "),
        generated.out());
  }

  @Test
  void repeatTrainsAgainFromTheSameStartAndPrintsEachTrainingsTime() {
    Run run = Run.of(DigitsClassifier::run, "--epochs", "2", "--quiet", "--repeat", "2",
        "--target-accuracy", "0.99");
    assertEquals(0, run.code(), run.err());
    List<String> lines = run.out().lines()
        .map(l -> l.replaceAll("\\d+\\.\\d+ s$", "T s")).collect(Collectors.toList());
    assertEquals(2, lines.stream().filter(l -> l.startsWith("Did not reach 99.00%")).count(),
        run.out());
    int half = lines.size() / 2;
    assertEquals(lines.subList(0, half), lines.subList(half, lines.size()), run.out());
  }

  @Test
  void aModelTooLargeForTheJvmFailsWithOneLineAndExitCodeOne() {
    // --hidden 2147483647 asks for a list the JVM cannot make: an OutOfMemoryError, an Error that
    // went past picocli's exception handler and printed a stack trace.
    Run run = Run.of(DigitsClassifier::run, "--hidden", "2147483647", "--quiet");
    assertEquals(1, run.code(), run.err());
    assertEquals("DigitsClassifier: error: out of memory (Requested array size exceeds VM limit);"
        + " try a smaller model, or a larger heap (java -Xmx...)\n", run.err());
    Run launched = Run.of(Launcher::run, "digits", "--hidden", "2147483647", "--quiet");
    assertEquals(1, launched.code(), launched.err());
    assertTrue(launched.err().startsWith("autograd digits: error: out of memory"), launched.err());
  }

  @Test
  void badFlagsAreRejectedNamingTheValue() {
    String usage = Cli.usage(new DigitsClassifier());
    Run.of(DigitsClassifier::run, "--target-accuracy", "96").assertRejected(usage,
        "DigitsClassifier: error: --target-accuracy must be from 0 to 1, got '96'");
    Run.of(DigitsClassifier::run, "--epochs", "0").assertRejected(usage,
        "DigitsClassifier: error: --epochs must be >= 1, got '0'");
    Run.of(DigitsClassifier::run, "--repeat", "0").assertRejected(usage,
        "DigitsClassifier: error: --repeat must be >= 1, got '0'");
    Run.of(DigitsClassifier::run, "--eager", "--replayed").assertRejected(usage,
        "DigitsClassifier: error: --eager, --replayed and --generated exclude each other;"
            + " give at most one");
    Run.of(DigitsClassifier::run, "--help").assertPrintedHelp(usage);
  }
}
