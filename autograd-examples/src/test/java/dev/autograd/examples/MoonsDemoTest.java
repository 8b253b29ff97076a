package dev.autograd.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autograd.core.PythonFormat;
import dev.autograd.core.Value;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoonsDemoTest {

  @TempDir Path dir;

  @Test
  void aSeededRunReachesAtLeastNinetySevenPercentTrainingAccuracy() {
    Run run = Run.of(MoonsDemo::run, "--seed", "1337");
    assertEquals(0, run.code(), run.err());
    List<String> lines = run.out().lines().toList();
    assertTrue(lines.get(0).startsWith("Moons: 100 points (noise 0.1, seed 1337), "
        + "Mlp(2 -> 16 RELU -> 16 RELU -> 1 LINEAR, 337 parameters), 100 steps"), lines.get(0));
    assertEquals(102, lines.size(), "header, one line per step, final accuracy");
    assertTrue(lines.get(1).matches("step  0  loss \\d+\\.\\d{4}  accuracy \\d+\\.\\d%"),
        lines.get(1));
    assertTrue(lines.get(100).startsWith("step 99  loss "), lines.get(100));
    Matcher m = Pattern.compile("Training accuracy after 100 steps: (\\d+\\.\\d)%")
        .matcher(lines.get(101));
    assertTrue(m.matches(), lines.get(101));
    assertTrue(Double.parseDouble(m.group(1)) >= 97.0, lines.get(101));
  }

  @Test
  void theReportedAccuracyIsTheTrainedModelsAccuracyOnItsData() {
    MoonsDemo.Result result = MoonsDemo.train(1337, 100, silent());
    int correct = 0;
    for (int i = 0; i < result.data().size(); i++) {
      double[] p = result.data().x()[i];
      if ((MoonsDemo.score(result.model(), p[0], p[1]) > 0) == (result.data().y()[i] > 0)) {
        correct++;
      }
    }
    assertEquals(correct / 100.0, result.accuracy(), 0.0);
    assertTrue(result.accuracy() >= 0.97, "accuracy " + result.accuracy());
  }

  @Test
  void anUntrainedModelIsNotAccurate() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    MoonsDemo.Result result =
        MoonsDemo.train(1337, 1, new PrintWriter(bytes, true, StandardCharsets.UTF_8));
    assertTrue(result.accuracy() < 0.97, "accuracy after one step " + result.accuracy());
    assertTrue(bytes.toString(StandardCharsets.UTF_8).startsWith("Moons: 100 points (noise 0.1,"
        + " seed 1337), Mlp(2 -> 16 RELU -> 16 RELU -> 1 LINEAR, 337 parameters), 1 step\n"));
    assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("Training accuracy after 1 step: "
        + PythonFormat.fixed(100 * result.accuracy(), 1) + "%"));
  }

  @Test
  void accuracyCountsScoresWhoseSignMatchesTheLabel() {
    TwoMoons data = new TwoMoons(new double[4][2], new double[] {1, -1, 1, -1});
    List<Value> scores = List.of(Value.of(0.5), Value.of(-2), Value.of(-0.1), Value.of(0));
    assertEquals(0.75, MoonsDemo.accuracy(scores, data), 0.0);
  }

  @Test
  void plotWritesADecisionBoundaryPngThatImageIoReads() throws IOException {
    Path png = dir.resolve("moons.png");
    Run run = Run.of(MoonsDemo::run, "--steps", "3", "--plot", png.toString());
    run.assertWrotePng(png, DecisionBoundaryPlot.WIDTH, DecisionBoundaryPlot.HEIGHT);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "--steps 0      | --steps must be >= 1, got '0'",
    "--steps -3     | --steps must be >= 1, got '-3'",
    "--seed abc     | --seed expects an integer, got 'abc'",
    "--steps        | --steps needs a value (N)",
    "--epochs 5     | unknown flag --epochs",
    "--plot MISSING | --plot cannot write 'MISSING'"
  })
  void aBadFlagGivesOneErrorLineThenTheUsageAndExitCodeTwo(String args, String message) {
    String missing = dir.resolve("no-such-dir").resolve("m.png").toString();
    String[] argv = args.replace("MISSING", missing).split(" ");
    Run.of(MoonsDemo::run, argv).assertRejected(Cli.usage(new MoonsDemo()),
        "MoonsDemo: error: " + message.replace("MISSING", missing));
  }

  @Test
  void helpPrintsTheUsageAndExitsZero() {
    Run run = Run.of(MoonsDemo::run, "--help");
    run.assertPrintedHelp(Cli.usage(new MoonsDemo()));
    assertTrue(run.out().contains("--seed") && run.out().contains("--steps")
        && run.out().contains("--plot"), run.out());
  }

  private static PrintWriter silent() {
    return new PrintWriter(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }
}
