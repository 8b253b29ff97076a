package dev.autograd.examples;

import dev.autograd.core.Gradients;
import dev.autograd.core.Value;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Second derivatives at work: Newton's method and gradient descent minimise the Rosenbrock function
 * {@code f(x, y) = (1 - x)^2 + 100 (y - x^2)^2} from the textbook start {@code (-1.2, 1)} (H. H.
 * Rosenbrock, The Computer Journal 3, 1960; J. Nocedal and S. J. Wright, <i>Numerical
 * Optimization</i>, 2nd ed., 2006, section 2.2). Its minimum is {@code f(1, 1) = 0}, at the end of
 * a long curved valley where gradient descent crawls.
 *
 * <p>Newton's method steps by {@code -H^-1 grad f}, with the gradient and the Hessian {@code H}
 * from {@link Gradients} (derivatives of derivatives, no hand-written formula); gradient descent
 * steps by {@code -learningRate * grad f}. Each prints its steps: every Newton step, and every
 * {@code --print-every}-th gradient descent step.
 */
@Command(name = "newton", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
    sortOptions = false, description = "Newton's method (Hessian from Gradients) next to gradient"
        + " descent on the Rosenbrock function from (-1.2, 1).")
public final class NewtonDemo implements Callable<Integer> {
  /** Returns the Newton demo as a command, for picocli (its flags are set by parsing). */
  public NewtonDemo() {}

  static final double X0 = -1.2;
  static final double Y0 = 1.0;

  @Option(names = "--newton-steps", paramLabel = "N", converter = Cli.PositiveInt.class,
      description = "most Newton steps; stops early once the gradient is below 1e-10"
          + " (default 20)")
  private int newtonSteps = 20;

  @Option(names = "--gd-steps", paramLabel = "N", converter = Cli.PositiveInt.class,
      description = "gradient descent steps (default 20000)")
  private int gdSteps = 20_000;

  @Option(names = {"--learning-rate", "--lr"}, paramLabel = "RATE",
      converter = Cli.PositiveDouble.class,
      description = "gradient descent learning rate (default 0.001)")
  private double learningRate = 0.001;

  @Option(names = "--print-every", paramLabel = "N", converter = Cli.PositiveInt.class,
      description = "print every N-th gradient descent step (default 2000)")
  private int printEvery = 2000;

  @Spec private CommandSpec spec;

  /** Runs {@link #run(String[], PrintStream, PrintStream)} and exits with its code if non-zero. */
  public static void main(String[] args) {
    Cli.exitOnFailure(run(args, System.out, System.err));
  }

  /**
   * Runs both methods with the flags in {@code args}, printing their steps to {@code out}; returns
   * the exit code: 0, or 2 after printing an error and the usage to {@code err} for a bad command
   * line.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return Cli.execute(new NewtonDemo(), args, out, err);
  }

  /** Runs both methods with the parsed flags; returns 0. */
  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println("Rosenbrock f(x, y) = (1 - x)^2 + 100 (y - x^2)^2 from (-1.2, 1);"
        + " minimum f(1, 1) = 0");
    out.println();
    out.println("Newton's method: (x, y) -= H^-1 grad f, H = Gradients.hessian");
    newton(newtonSteps, out);
    out.println();
    out.println("Gradient descent: (x, y) -= " + learningRate + " * grad f");
    Descent descent = gradientDescent(gdSteps, learningRate, printEvery, out);
    out.flush();
    if (descent.divergedAt() >= 0) {
      spec.commandLine().getErr().println(spec.qualifiedName() + ": warning: gradient descent"
          + " diverged: f(x, y) is not finite from step " + descent.divergedAt()
          + ", where it stopped (try a smaller --learning-rate)");
    }
    return 0;
  }

  /**
   * Where gradient descent ended: the point {@code (x, y)}, and the step at which {@code f(x, y)}
   * stopped being finite, or -1 if it never did.
   */
  record Descent(double x, double y, int divergedAt) {}

  /** Returns the Rosenbrock function of {@code x} and {@code y} as a graph. */
  static Value rosenbrock(Value x, Value y) {
    return x.rsub(1.0).pow(2.0).add(y.sub(x.pow(2.0)).pow(2.0).mul(100.0));
  }

  /**
   * Runs at most {@code steps} Newton steps from {@code (-1.2, 1)}, printing each, and returns the
   * last point {@code {x, y}}; stops once the gradient's largest component is below {@code 1e-10}.
   */
  static double[] newton(int steps, PrintWriter out) {
    Value x = Value.of(X0, "x");
    Value y = Value.of(Y0, "y");
    header(out);
    for (int step = 0; ; step++) {
      Value f = rosenbrock(x, y);
      List<Value> grad = Gradients.of(f, List.of(x, y));
      double gx = grad.get(0).data();
      double gy = grad.get(1).data();
      row(out, step, x.data(), y.data(), f.data(), Math.max(Math.abs(gx), Math.abs(gy)));
      if (step == steps || Math.max(Math.abs(gx), Math.abs(gy)) < 1e-10) {
        return new double[] {x.data(), y.data()};
      }
      double[][] h = Gradients.hessian(f, List.of(x, y));
      // Solve H d = grad by Cramer's rule (2 x 2), then step by -d.
      double det = h[0][0] * h[1][1] - h[0][1] * h[1][0];
      double dx = (gx * h[1][1] - h[0][1] * gy) / det;
      double dy = (h[0][0] * gy - h[1][0] * gx) / det;
      x.setData(x.data() - dx);
      y.setData(y.data() - dy);
    }
  }

  /**
   * Runs {@code steps} gradient descent steps from {@code (-1.2, 1)}, printing step 0, every
   * {@code printEvery}-th step and the last, and returns where it ended. A learning rate that is
   * too large makes the steps grow until {@code f(x, y)} overflows: the run then prints that step
   * and stops there.
   */
  static Descent gradientDescent(int steps, double learningRate, int printEvery, PrintWriter out) {
    Value x = Value.of(X0, "x");
    Value y = Value.of(Y0, "y");
    header(out);
    for (int step = 0; ; step++) {
      Value f = rosenbrock(x, y);
      f.backward();
      boolean diverged = !Double.isFinite(f.data());
      if (step % printEvery == 0 || step == steps || diverged) {
        row(out, step, x.data(), y.data(), f.data(), Math.max(Math.abs(x.grad()), Math.abs(y.grad())));
      }
      if (step == steps || diverged) {
        return new Descent(x.data(), y.data(), diverged ? step : -1);
      }
      x.setData(x.data() - learningRate * x.grad());
      y.setData(y.data() - learningRate * y.grad());
    }
  }

  private static void header(PrintWriter out) {
    out.println(String.format(Locale.ROOT, "%6s  %12s  %12s  %12s  %10s",
        "step", "x", "y", "f(x, y)", "|grad|max"));
  }

  private static void row(PrintWriter out, int step, double x, double y, double f, double g) {
    out.println(String.format(Locale.ROOT, "%6d  %s  %s  %12.6e  %10.3e", step, coordinate(x),
        coordinate(y), f, g));
  }

  /**
   * Returns {@code v} in 12 characters: with 8 decimals below 10^4 in magnitude, else in
   * scientific notation (a diverging run's coordinates would otherwise take hundreds of digits).
   */
  static String coordinate(double v) {
    return String.format(Locale.ROOT, Math.abs(v) < 1e4 ? "%12.8f" : "%12.5e", v);
  }
}
