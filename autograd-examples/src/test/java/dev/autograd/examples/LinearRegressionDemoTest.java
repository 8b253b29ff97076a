package dev.autograd.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinearRegressionDemoTest {

  @TempDir Path dir;

  /**
   * Returns the demo-2 part of the reference program's output: from the blank line before "---
   * Demo 2".
   */
  static String demoTwoPart(String referenceOutput) {
    int start = referenceOutput.indexOf("\n--- Demo 2");
    assertTrue(start > 0, "no demo 2 in the reference output");
    return referenceOutput.substring(start);
  }

  @ParameterizedTest(name = "--w0 {0} --b0 {1} {3}")
  @CsvSource({
    "0.25, -0.5, reference-w0_0.25-b0_-0.5.txt, ''",
    "-0.75, -0.125, reference-w0_-0.75-b0_-0.125.txt, ''",
    "0.25, -0.5, reference-w0_0.25-b0_-0.5.txt, --eager",
    "-0.75, -0.125, reference-w0_-0.75-b0_-0.125.txt, --eager"
  })
  void printsTheReferenceProgramsLinesLineForLineFromAFixedStart(
      String w0, String b0, String reference, String mode) {
    Run run = mode.isEmpty()
        ? Run.of(LinearRegressionDemo::run, "--w0", w0, "--b0", b0)
        : Run.of(LinearRegressionDemo::run, "--w0", w0, "--b0", b0, mode);
    assertEquals(0, run.code(), run.err());
    assertEquals("", run.err());
    List<String> expected = demoTwoPart(Run.resource(reference)).lines().toList();
    List<String> actual = run.out().lines().toList();
    assertEquals(expected.size(), actual.size(), "line count");
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), actual.get(i), "line " + (i + 1));
    }
    assertEquals(demoTwoPart(Run.resource(reference)), run.out());
  }

  @Test
  void compiledReplayAndEagerRebuildPrintTheSameNumbersWithAdam() {
    Run compiled = Run.of(LinearRegressionDemo::run, "--seed", "3", "--optimizer", "adam",
        "--lr", "0.1", "--epochs", "1200");
    Run eager = Run.of(LinearRegressionDemo::run, "--seed", "3", "--optimizer", "adam",
        "--lr", "0.1", "--epochs", "1200", "--eager");
    assertEquals(0, compiled.code(), compiled.err());
    assertEquals(eager.out(), compiled.out());
    assertTrue(compiled.out().contains("Final Result (Learned): y = 2.000x + 10.000"),
        compiled.out());
  }

  @Test
  void epochNumbersArePaddedToThreeDigitsLikePython() {
    assertEquals("000", LinearRegressionDemo.epochNumber(0));
    assertEquals("050", LinearRegressionDemo.epochNumber(50));
    assertEquals("999", LinearRegressionDemo.epochNumber(999));
    assertEquals("4950", LinearRegressionDemo.epochNumber(4950));
  }

  @Test
  void aSeededRandomStartIsReproducibleAndDrawsWeightThenBias() {
    Run first = Run.of(LinearRegressionDemo::run, "--seed", "7", "--epochs", "60");
    Run second = Run.of(LinearRegressionDemo::run, "--seed", "7", "--epochs", "60");
    assertEquals(0, first.code(), first.err());
    assertEquals(first.out(), second.out());
    java.util.Random random = new java.util.Random(7);
    double w = -1 + 2 * random.nextDouble();
    double b = -1 + 2 * random.nextDouble();
    Run fixed = Run.of(LinearRegressionDemo::run, "--w0", Double.toString(w), "--b0",
        Double.toString(b), "--epochs", "60");
    assertEquals(fixed.out(), first.out());
  }

  @Test
  void printsFourDigitEpochsPastNineHundredNinetyNineAsPythonDoes() {
    Run run = Run.of(LinearRegressionDemo::run, "--w0", "0", "--b0", "0", "--epochs", "1001");
    List<String> epochs = run.out().lines().filter(l -> l.startsWith("Epoch ")).toList();
    assertEquals(21, epochs.size());
    assertTrue(epochs.get(0).startsWith("Epoch 000: "), epochs.get(0));
    assertTrue(epochs.get(1).startsWith("Epoch 050: "), epochs.get(1));
    assertTrue(epochs.get(20).startsWith("Epoch 1000: "), epochs.get(20));
  }

  @Test
  void adamFromTheSameStartAlsoApproachesTheTarget() {
    Run run = Run.of(LinearRegressionDemo::run, "--w0", "0.25", "--b0", "-0.5", "--optimizer",
        "adam", "--lr", "0.1", "--epochs", "2000");
    assertEquals(0, run.code(), run.err());
    String last = run.out().lines().filter(l -> l.startsWith("Final Result")).findFirst()
        .orElseThrow();
    var m = Pattern.compile("y = (\\S+)x \\+ (\\S+)").matcher(last);
    assertTrue(m.find(), last);
    assertEquals(2.0, Double.parseDouble(m.group(1)), 0.01, last);
    assertEquals(10.0, Double.parseDouble(m.group(2)), 0.1, last);
  }

  @Test
  void plotWritesAPngThatImageIoReads() throws IOException {
    Path png = dir.resolve("linear.png");
    Run run = Run.of(LinearRegressionDemo::run, "--w0", "0.25", "--b0", "-0.5", "--epochs", "200",
        "--plot", png.toString());
    run.assertWrotePng(png, 1200, 420);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "--bogus                  | unknown flag --bogus",
    "--epochs -3              | --epochs must be >= 1, got '-3'",
    "--lr abc                 | --lr expects a number, got 'abc'",
    "--lr                     | --lr needs a value (D)",
    "--w0                     | --w0 needs a value (D)",
    "--optimizer rmsprop      | --optimizer must be sgd or adam, got 'rmsprop'",
    "--seed x1                | --seed expects an integer, got 'x1'",
    "--plot MISSING/plot.png  | --plot cannot write 'MISSING/plot.png'"
  })
  void aBadFlagGivesOneErrorLineThenTheUsageAndExitCodeTwo(String args, String message) {
    String missingDir = dir.resolve("no-such-dir").toString();
    String[] argv = Arrays.stream(args.split(" "))
        .map(a -> a.replace("MISSING", missingDir)).toArray(String[]::new);
    Run.of(LinearRegressionDemo::run, argv).assertRejected(Cli.usage(new LinearRegressionDemo()),
        "LinearRegressionDemo: error: " + message.replace("MISSING", missingDir));
  }

  @Test
  void helpPrintsTheUsageAndExitsZero() {
    Run run = Run.of(LinearRegressionDemo::run, "--help");
    run.assertPrintedHelp(Cli.usage(new LinearRegressionDemo()));
    for (String flag : List.of("--w0", "--b0", "--seed", "--epochs", "--lr", "--optimizer",
        "--plot", "--help")) {
      assertTrue(run.out().contains(" " + flag + (flag.equals("--help") ? " " : "=")), flag);
    }
  }
}
