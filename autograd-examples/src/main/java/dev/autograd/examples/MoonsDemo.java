package dev.autograd.examples;

import dev.autograd.core.PythonFormat;
import dev.autograd.core.Value;
import dev.autograd.nn.Mlp;
import dev.autograd.optim.HingeLoss;
import dev.autograd.optim.LearningRateSchedule;
import dev.autograd.optim.Sgd;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * micrograd's headline demo: a multi-layer perceptron (2 → 16 → 16 → 1, ReLU hidden layers) learns
 * to separate the two moons of {@link MoonsProblem} (100 points, noise 0.1), with the max-margin
 * {@link HingeLoss} plus L2 regularization (alpha 1e-4) and full-batch gradient descent whose
 * learning rate falls linearly from 1.0 to 0.1 over the run, as micrograd's {@code 1.0 - 0.9 * k /
 * 100}. Prints loss and training accuracy as it goes and can draw the decision boundary.
 */
@Command(name = "moons", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
    sortOptions = false, description = "micrograd's moons demo: an MLP 2-16-16-1 learns two-moons"
        + " data with hinge loss and SGD.")
public final class MoonsDemo implements Callable<Integer> {
  /** Returns the moons demo as a command, for picocli (its flags are set by parsing). */
  public MoonsDemo() {}

  @Option(names = "--seed", paramLabel = "N", converter = Cli.AnyLong.class,
      description = "seed of the data and the initial weights (default 1337)")
  private long seed = 1337;

  @Option(names = "--steps", paramLabel = "N", converter = Cli.PositiveInt.class,
      description = "number of gradient descent steps (default 100)")
  private int steps = 100;

  @Option(names = "--plot", paramLabel = "FILE", converter = Cli.PictureFile.class,
      description = "also draw the decision boundary with the data (PNG or SVG after the"
          + " extension)")
  private Path plot;

  @Spec private CommandSpec spec;

  /**
   * What training produced: the model, its data, its accuracy on that data after training, the
   * number of steps and the last step's loss.
   */
  record Result(Mlp model, TwoMoons data, double accuracy, int steps, double finalLoss) {}

  /** Runs {@link #run(String[], PrintStream, PrintStream)} and exits with its code if non-zero. */
  public static void main(String[] args) {
    Cli.exitOnFailure(run(args, System.out, System.err));
  }

  /**
   * Trains on the moons with the flags in {@code args}, printing progress to {@code out}; returns
   * the exit code: 0, or 2 after printing an error and the usage to {@code err} for a bad command
   * line, or 1 if the plot cannot be written.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return Cli.execute(new MoonsDemo(), args, out, err);
  }

  /** Trains with the parsed flags and draws any plot; returns the exit code. */
  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Result result = train(seed, steps, out);
    if (!Double.isFinite(result.finalLoss())) {
      spec.commandLine().getErr().println(spec.qualifiedName()
          + ": warning: the run diverged: the final loss is " + result.finalLoss());
    }
    if (plot != null) {
      Mlp model = result.model();
      DecisionBoundaryPlot.write(result.data(), (x1, x2) -> score(model, x1, x2),
          "Moons decision boundary: " + PythonFormat.fixed(100 * result.accuracy(), 1)
              + "% training accuracy after " + result.steps()
              + (result.steps() == 1 ? " step" : " steps"), plot);
      out.println("Wrote " + plot);
    }
    return 0;
  }

  /** Trains a new model on new data drawn from {@code seed}, printing progress; returns both. */
  static Result train(long seed, int steps, PrintWriter out) {
    MoonsProblem problem = new MoonsProblem(seed);
    TwoMoons data = problem.data();
    Mlp model = problem.model();
    out.println("Moons: " + data.size() + " points (noise " + MoonsProblem.NOISE + ", seed " + seed
        + "), " + model + ", " + steps + (steps == 1 ? " step" : " steps"));
    Sgd optimizer = new Sgd(model.parameters(), 1.0);
    LearningRateSchedule schedule = LearningRateSchedule.linearDecay(1.0, 0.1, steps);
    int reportEvery = Math.max(1, steps / 100);
    double lastLoss = Double.NaN;
    for (int k = 0; k < steps; k++) {
      List<Value> scores = problem.scores();
      Value loss = problem.loss(scores, MoonsProblem.ALPHA);
      optimizer.zeroGrad();
      loss.backward();
      optimizer.setLearningRate(schedule.rate(k));
      optimizer.step();
      lastLoss = loss.data();
      if (k % reportEvery == 0 || k == steps - 1) {
        double percent = 100 * accuracy(scores, data);
        out.println(String.format(Locale.ROOT, "step %" + digits(steps) + "d  loss %s  accuracy %s%%", k,
            PythonFormat.fixed(loss.data(), 4), PythonFormat.fixed(percent, 1)));
      }
    }
    double accuracy = accuracy(problem.scores(), data);
    out.println("Training accuracy after " + steps + (steps == 1 ? " step: " : " steps: ")
        + PythonFormat.fixed(100 * accuracy, 1) + "%");
    return new Result(model, data, accuracy, steps, lastLoss);
  }

  /** Returns the fraction of points whose score has the sign of their label. */
  static double accuracy(List<Value> scores, TwoMoons data) {
    int correct = 0;
    for (int i = 0; i < data.size(); i++) {
      if ((scores.get(i).data() > 0) == (data.y()[i] > 0)) {
        correct++;
      }
    }
    return (double) correct / data.size();
  }

  /** Returns the model's score at the point {@code (x1, x2)}: positive means the lower moon. */
  static double score(Mlp model, double x1, double x2) {
    return model.forward(List.of(Value.of(x1), Value.of(x2))).get(0).data();
  }

  private static int digits(int steps) {
    return Integer.toString(steps - 1).length();
  }
}
