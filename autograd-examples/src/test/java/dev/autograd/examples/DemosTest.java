package dev.autograd.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DemosTest {

  @Test
  void fromAFixedStartPrintsExactlyWhatTheReferenceProgramPrints() {
    Run run = Run.of(Demos::run, "--w0", "0.25", "--b0", "-0.5");
    assertEquals(0, run.code(), run.err());
    assertEquals(Run.resource("reference-w0_0.25-b0_-0.5.txt"), run.out());
  }

  @Test
  void byDefaultRunsDemoOneThenDemoTwoFromARandomStartInTheReferenceProgramsShape() {
    Run run = Run.of(Demos::run);
    assertEquals(0, run.code(), run.err());
    List<String> lines = run.out().lines().toList();
    List<String> reference = Run.resource("reference-w0_0.25-b0_-0.5.txt").lines().toList();
    assertEquals(reference.size(), lines.size());
    assertEquals(reference.subList(0, 5), lines.subList(0, 5));
    assertTrue(Pattern.matches("Initial Guess: y = -?[01]\\.\\d\\dx \\+ -?[01]\\.\\d\\d",
        lines.get(5)), lines.get(5));
    Pattern epoch = Pattern.compile("Epoch \\d{3,4}: MSE Loss=\\d+\\.\\d{4}, w=-?\\d+\\.\\d{3}, "
        + "b=-?\\d+\\.\\d{3}");
    for (int i = 6; i < lines.size() - 3; i++) {
      assertTrue(epoch.matcher(lines.get(i)).matches(), lines.get(i));
    }
    assertEquals(reference.get(reference.size() - 3), lines.get(lines.size() - 3));
    assertEquals(reference.get(reference.size() - 1), lines.get(lines.size() - 1));
  }

  @Test
  void rejectsABadFlagBeforePrintingAnyDemo() {
    Run.of(Demos::run, "--epochs", "-3")
        .assertRejected(Cli.usage(new Demos()), "Demos: error: --epochs must be >= 1, got '-3'");
  }
}
