package dev.autograd.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class NewtonDemoTest {

  @Test
  void newtonReachesTheMinimumInAFewStepsWhereGradientDescentIsStillInTheValley() {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    double[] newton = NewtonDemo.newton(20, out);
    assertEquals(1.0, newton[0], 1e-12);
    assertEquals(1.0, newton[1], 1e-12);
    int newtonSteps = text.toString().split("\n").length - 2; // header and step 0
    assertTrue(newtonSteps <= 8, "Newton took " + newtonSteps + " steps:\n" + text);
    NewtonDemo.Descent descent = NewtonDemo.gradientDescent(newtonSteps * 100, 0.001, 100, out);
    assertTrue(Math.abs(descent.x() - 1) > 0.1, "gradient descent is still far: " + descent.x());
  }

  @Test
  void gradientDescentConvergesSlowlyTowardTheMinimum() {
    NewtonDemo.Descent descent =
        NewtonDemo.gradientDescent(20_000, 0.001, 20_000, new PrintWriter(new StringWriter()));
    assertEquals(1.0, descent.x(), 1e-2);
    assertEquals(1.0, descent.y(), 2e-2);
    assertEquals(-1, descent.divergedAt());
  }

  @Test
  void aDivergingGradientDescentStopsAtTheFirstNonFiniteStepWithOneWarningAndShortRows() {
    Run run = Run.of(NewtonDemo::run, "--lr", "1", "--gd-steps", "100", "--print-every", "10");
    assertEquals(0, run.code(), run.err());
    // f(x, y) overflows at step 4 (x is -5.8e96 there): that row is the last one printed.
    assertEquals("NewtonDemo: warning: gradient descent diverged: f(x, y) is not finite from"
        + " step 4, where it stopped (try a smaller --learning-rate)\n", run.err());
    String[] lines = run.out().split("\n");
    String last = lines[lines.length - 1];
    assertTrue(last.startsWith("     4  -5.78461e+96   1.18715e+65      Infinity"), last);
    for (String line : lines) {
      if (line.matches(" *\\d+  .*")) {
        assertEquals(60, line.length(), "a row of another width than the header's: " + line);
      }
    }
  }

  @Test
  void coordinatesKeepTwelveCharactersAtAnyMagnitude() {
    assertEquals("  0.99986088", NewtonDemo.coordinate(0.99986088));
    assertEquals("-1.20000000", NewtonDemo.coordinate(-1.2).strip());
    assertEquals(" 2.14400e+04", NewtonDemo.coordinate(21440));
    assertEquals("         NaN", NewtonDemo.coordinate(Double.NaN));
  }

  @Test
  void rosenbrockIsTheTextbookFunction() {
    assertEquals(24.2, NewtonDemo.rosenbrock(
        dev.autograd.core.Value.of(-1.2), dev.autograd.core.Value.of(1.0)).data(), 1e-12);
    assertEquals(0.0, NewtonDemo.rosenbrock(
        dev.autograd.core.Value.of(1.0), dev.autograd.core.Value.of(1.0)).data());
  }

  @Test
  void itsMainPrintsBothMethodsAndTakesHelpAndRejectsBadFlags() {
    Run run = Run.of(NewtonDemo::run, "--gd-steps", "10", "--print-every", "5");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().startsWith("Rosenbrock f(x, y) = (1 - x)^2 + 100 (y - x^2)^2"), run.out());
    assertTrue(run.out().contains("Newton's method"), run.out());
    assertTrue(run.out().contains("Gradient descent: (x, y) -= 0.001 * grad f"), run.out());
    assertTrue(run.out().contains("\n    10  "), run.out());
    Run.of(NewtonDemo::run, "--help").assertPrintedHelp(Cli.usage(new NewtonDemo()));
    Run.of(NewtonDemo::run, "--learning-rate", "-1").assertRejected(Cli.usage(new NewtonDemo()),
        "NewtonDemo: error: --learning-rate must be > 0, got '-1'");
    // The error names the flag as typed, the short alias too.
    Run.of(NewtonDemo::run, "--lr", "-1").assertRejected(Cli.usage(new NewtonDemo()),
        "NewtonDemo: error: --lr must be > 0, got '-1'");
    Run.of(NewtonDemo::run, "--lr=fast").assertRejected(Cli.usage(new NewtonDemo()),
        "NewtonDemo: error: --lr expects a number, got 'fast'");
    Run.of(NewtonDemo::run, "--lr").assertRejected(Cli.usage(new NewtonDemo()),
        "NewtonDemo: error: --lr needs a value (RATE)");
    Run.of(NewtonDemo::run, "--lr", "0.1", "--learning-rate", "0.2").assertRejected(
        Cli.usage(new NewtonDemo()), "NewtonDemo: error: --learning-rate given twice");
    assertEquals(0, Run.of(Launcher::run, "newton", "--gd-steps", "1").code());
  }

  @Test
  void anErrorNamesTheOccurrenceAtFaultWhenAFlagIsTypedUnderBothNames() {
    // The last name typed was named, though picocli stops at the first bad occurrence.
    String usage = Cli.usage(new NewtonDemo());
    Run.of(NewtonDemo::run, "--lr", "-1", "--learning-rate", "2").assertRejected(usage,
        "NewtonDemo: error: --lr must be > 0, got '-1'");
    Run.of(NewtonDemo::run, "--learning-rate=x", "--lr", "1").assertRejected(usage,
        "NewtonDemo: error: --learning-rate expects a number, got 'x'");
    Run.of(NewtonDemo::run, "--lr", "1", "--learning-rate", "x").assertRejected(usage,
        "NewtonDemo: error: --learning-rate expects a number, got 'x'");
    Run.of(NewtonDemo::run, "--lr", "--learning-rate", "1").assertRejected(usage,
        "NewtonDemo: error: --lr needs a value (RATE)");
  }
}
