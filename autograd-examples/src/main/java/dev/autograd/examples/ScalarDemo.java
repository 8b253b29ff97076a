package dev.autograd.examples;

import dev.autograd.core.PythonFormat;
import dev.autograd.core.Value;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Demo 1 of the reference program: {@code f = (x + y) * y} at {@code x = -2, y = 5}, and its
 * gradients.
 */
@Command(name = "scalar", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
    description = "Demo 1 of the reference program: f = (x + y) * y at x = -2, y = 5, and its"
        + " gradients.")
public final class ScalarDemo implements Callable<Integer> {
  /** Returns demo 1 as a command, for picocli. */
  public ScalarDemo() {}

  @Spec private CommandSpec spec;

  /** Demo 1's graph after {@code f.backward()}: the inputs and the output. */
  record Graph(Value x, Value y, Value f) {}

  /**
   * Prints the reference program's demo 1 lines: the result 15.0 and the gradients x=5.0, y=8.0.
   */
  public static void main(String[] args) {
    Cli.exitOnFailure(run(args, System.out, System.err));
  }

  /**
   * Runs demo 1 (the only flag is {@code --help}), printing to {@code out}; returns the exit code:
   * 0, or 2 after printing an error and the usage to {@code err} for any other argument.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return Cli.execute(new ScalarDemo(), args, out, err);
  }

  /** Runs demo 1; returns 0. */
  @Override
  public Integer call() {
    run(spec.commandLine().getOut());
    return 0;
  }

  /** Runs demo 1, printing its lines to {@code out}. */
  public static void run(PrintWriter out) {
    out.println();
    out.println("--- Demo 1: Simple Scalar Calculation ---");
    Graph g = differentiated();
    out.println("Result: " + PythonFormat.repr(g.f().data()) + ", Gradients: x="
        + PythonFormat.repr(g.x().grad()) + ", y=" + PythonFormat.repr(g.y().grad()));
  }

  /** Returns demo 1's graph {@code f = (x + y) * y} with its gradients computed. */
  static Graph differentiated() {
    Value x = Value.of(-2.0, "x");
    Value y = Value.of(5.0, "y");
    Value f = x.add(y).mul(y);
    f.backward();
    return new Graph(x, y, f);
  }
}
