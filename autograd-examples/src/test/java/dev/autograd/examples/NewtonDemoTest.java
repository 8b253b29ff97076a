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
    double[] descent = NewtonDemo.gradientDescent(newtonSteps * 100, 0.001, 100, out);
    assertTrue(Math.abs(descent[0] - 1) > 0.1, "gradient descent is still far: " + descent[0]);
  }

  @Test
  void gradientDescentConvergesSlowlyTowardTheMinimum() {
    double[] descent = NewtonDemo.gradientDescent(20_000, 0.001, 20_000, new PrintWriter(new StringWriter()));
    assertEquals(1.0, descent[0], 1e-2);
    assertEquals(1.0, descent[1], 2e-2);
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
    assertEquals(0, Run.of(Launcher::run, "newton", "--gd-steps", "1").code());
  }
}
