package dev.autograd.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DemosTest {

  @Test
  void fromAFixedStartPrintsExactlyWhatTheSeedProgramPrints() {
    Run run = Run.of(Demos::run, "--w0", "0.25", "--b0", "-0.5");
    assertEquals(0, run.code(), run.err());
    assertEquals(Run.resource("reference-w0_0.25-b0_-0.5.txt"), run.out());
  }

  @Test
  void byDefaultRunsDemoOneThenDemoTwoFromARandomStartInTheSeedsShape() {
    Run run = Run.of(Demos::run);
    assertEquals(0, run.code(), run.err());
    List<String> lines = run.out().lines().toList();
    List<String> seed = Run.resource("reference-w0_0.25-b0_-0.5.txt").lines().toList();
    assertEquals(seed.size(), lines.size());
    assertEquals(seed.subList(0, 5), lines.subList(0, 5));
    assertTrue(Pattern.matches("Initial Guess: y = -?[01]\\.\\d\\dx \\+ -?[01]\\.\\d\\d",
        lines.get(5)), lines.get(5));
    Pattern epoch = Pattern.compile("Epoch \\d{3,4}: MSE Loss=\\d+\\.\\d{4}, w=-?\\d+\\.\\d{3}, "
        + "b=-?\\d+\\.\\d{3}");
    for (int i = 6; i < lines.size() - 3; i++) {
      assertTrue(epoch.matcher(lines.get(i)).matches(), lines.get(i));
    }
    assertEquals(seed.subList(seed.size() - 3, seed.size()).get(0), lines.get(lines.size() - 3));
    assertEquals(seed.get(seed.size() - 1), lines.get(lines.size() - 1));
  }

  @Test
  void rejectsABadFlagBeforePrintingAnyDemo() {
    Run.of(Demos::run, "--epochs", "-3")
        .assertRejected(Cli.usage(new Demos()), "Demos: error: --epochs must be >= 1, got '-3'");
  }
}
