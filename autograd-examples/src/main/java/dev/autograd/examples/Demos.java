package dev.autograd.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The module's default main: runs the reference program's demos in its order, demo 1 (scalar
 * calculation) then demo 2 (linear regression, from a random start unless {@code --w0}/{@code
 * --b0} fix it). It takes demo 2's flags, so {@code --w0 0.25 --b0 -0.5} prints exactly what
 * {@code python3 reference.py --w0 0.25 --b0 -0.5} prints.
 */
@Command(name = "demos", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
    sortOptions = false, description = "Runs the reference program's demo 1 (scalar calculation)"
        + " then demo 2 (linear regression).")
public final class Demos implements Callable<Integer> {
  /** Returns the demos as a command, for picocli (its flags are set by parsing). */
  public Demos() {}

  @Mixin private RegressionFlags flags;
  @Spec private CommandSpec spec;

  /** Runs {@link #run(String[], PrintStream, PrintStream)} and exits with its code if non-zero. */
  public static void main(String[] args) {
    Cli.exitOnFailure(run(args, System.out, System.err));
  }

  /**
   * Runs demo 1 then demo 2, printing to {@code out}; returns the exit code: 0, 2 after printing
   * an error and the usage to {@code err} for a bad command line, 1 if the plot cannot be written.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return Cli.execute(new Demos(), args, out, err);
  }

  /** Runs demo 1 then demo 2 with the parsed flags; returns the exit code. */
  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    LinearRegressionDemo.Options options = flags.options();
    ScalarDemo.run(out);
    return LinearRegressionDemo.run(options, out, spec.commandLine().getErr(),
        spec.qualifiedName());
  }
}
