package dev.autograd.examples;

import dev.autograd.core.CompiledGraph;
import dev.autograd.core.PythonFormat;
import dev.autograd.core.Value;
import dev.autograd.nn.BiasTrickLinear;
import dev.autograd.optim.Adam;
import dev.autograd.optim.Optimizer;
import dev.autograd.optim.Sgd;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Demo 2 of the reference program ({@link ReferenceRegression}): learns {@code y = 2x + 10}
 * from 50 points {@code x = 0, 0.5, ..., 24.5} with a {@link BiasTrickLinear BiasTrickLinear(1,
 * 1)} model (the bias trick: {@code [x, 1] · [w, b]}), mean squared error and gradient descent,
 * printing the reference program's lines in its format. From the same start ({@code --w0 --b0})
 * and with the default flags its lines equal those of the reference program.
 */
@Command(name = "regression", mixinStandardHelpOptions = true,
    versionProvider = Cli.Version.class, sortOptions = false,
    description = "Demo 2 of the reference program: linear regression of y = 2x + 10 by gradient"
        + " descent.")
public final class LinearRegressionDemo implements Callable<Integer> {
  /** Returns demo 2 as a command, for picocli (its flags are set by parsing). */
  public LinearRegressionDemo() {}

  /** The reference program prints a progress line every this many epochs. */
  static final int REPORT_EVERY = 50;

  /** Demo 2's settings, read from the command line. */
  record Options(Double w0, Double b0, Random random, int epochs, double learningRate,
      String optimizer, Path plot, boolean eager) {}

  /**
   * What training produced: the training points {@code (x[i], y[i])}, the learned weight and bias,
   * and the loss of every epoch.
   */
  record Result(double[] x, double[] y, double weight, double bias, double[] losses) {}

  @Mixin private RegressionFlags flags;
  @Spec private CommandSpec spec;

  /** Runs {@link #run(String[], PrintStream, PrintStream)} and exits with its code if non-zero. */
  public static void main(String[] args) {
    Cli.exitOnFailure(run(args, System.out, System.err));
  }

  /**
   * Runs demo 2 with the flags in {@code args}, printing its lines to {@code out}; returns the exit
   * code: 0, or 2 after printing an error and the usage to {@code err} for a bad command line, or 1
   * if the plot cannot be written.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return Cli.execute(new LinearRegressionDemo(), args, out, err);
  }

  /** Runs demo 2 with the parsed flags; returns the exit code. */
  @Override
  public Integer call() throws IOException {
    return run(flags.options(), spec.commandLine().getOut(), spec.commandLine().getErr(),
        spec.qualifiedName());
  }

  /**
   * Trains with {@code options}, printing to {@code out}, then draws any plot; returns 0. A run
   * whose loss stops being finite prints one warning line, naming the epoch, to {@code err}.
   */
  static int run(Options options, PrintWriter out, PrintWriter err, String program)
      throws IOException {
    Result result = train(options, out);
    Cli.warnIfDiverged(err, program, result.losses());
    if (options.plot() != null) {
      LinearRegressionPlot.write(new LinearRegressionPlot.Run(result.x(), result.y(),
          result.weight(), result.bias(), result.losses()), options.plot());
      out.println("Wrote " + options.plot());
    }
    return 0;
  }

  /** Trains the model as the reference program does, printing its lines; returns the outcome. */
  static Result train(Options options, PrintWriter out) {
    out.println();
    out.println("--- Demo 2: Training Linear Regression (Vectorized Structure) ---");
    double[] xs = new double[ReferenceRegression.DATA_SIZE];
    double[] ys = new double[ReferenceRegression.DATA_SIZE];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = ReferenceRegression.input(i);
      ys[i] = ReferenceRegression.target(i);
    }
    // Parameters [w, b]: drawn uniform(-1, 1), w then b, unless the command line fixes them.
    ReferenceRegression problem = new ReferenceRegression(options.random());
    BiasTrickLinear model = problem.model();
    Value w = problem.weight();
    Value b = problem.bias();
    // A fixed start replaces the drawn initial guess before training, like the reference
    // program's Value(w0).
    if (options.w0() != null) {
      w.setData(options.w0());
    }
    if (options.b0() != null) {
      b.setData(options.b0());
    }
    out.println("Initial Guess: y = " + PythonFormat.fixed(w.data(), 2) + "x + "
        + PythonFormat.fixed(b.data(), 2));
    Optimizer optimizer = options.optimizer().equals("adam")
        ? new Adam(model.parameters(), options.learningRate())
        : new Sgd(model.parameters(), options.learningRate());
    double[] losses = new double[options.epochs()];
    // The reference program builds the graph anew every epoch; its structure never changes, so
    // by default it is built once and replayed (CompiledGraph re-reads w and b, writes their
    // grads, and adds gradients in the same order as backward(), so every printed number is the
    // same).
    EpochLoss epoch = options.eager()
        ? () -> {
            Value loss = problem.loss();
            optimizer.zeroGrad();
            loss.backward();
            return loss.data();
          }
        : compiled(CompiledGraph.compile(problem.loss()), optimizer);
    for (int k = 0; k < options.epochs(); k++) {
      double loss = epoch.lossAfterBackward();
      optimizer.step();
      losses[k] = loss;
      if (k % REPORT_EVERY == 0) {
        out.println("Epoch " + epochNumber(k) + ": MSE Loss=" + PythonFormat.fixed(loss, 4)
            + ", w=" + PythonFormat.fixed(w.data(), 3) + ", b=" + PythonFormat.fixed(b.data(), 3));
      }
    }
    out.println();
    out.println("Final Result (Learned): y = " + PythonFormat.fixed(w.data(), 3) + "x + "
        + PythonFormat.fixed(b.data(), 3));
    out.println("Target Function: y = 2.000x + 10.000");
    return new Result(xs, ys, w.data(), b.data(), losses);
  }

  /** One epoch's forward and backward pass, returning the loss; the caller steps the optimizer. */
  @FunctionalInterface
  private interface EpochLoss {
    double lossAfterBackward();
  }

  private static EpochLoss compiled(CompiledGraph graph, Optimizer optimizer) {
    return () -> {
      optimizer.zeroGrad();
      return graph.forwardBackward();
    };
  }

  /** Returns Python's {@code f"{k:03d}"} for {@code k >= 0}: at least three digits. */
  static String epochNumber(int k) {
    String digits = Integer.toString(k);
    return digits.length() >= 3 ? digits : "000".substring(digits.length()) + digits;
  }
}
