package dev.autograd.examples;

import java.io.PrintStream;

/**
 * The module's default main: runs the seed's demos in the seed's order, demo 1 (scalar
 * calculation) then demo 2 (linear regression, from a random start unless {@code --w0}/{@code
 * --b0} fix it). It takes demo 2's flags, so {@code --w0 0.25 --b0 -0.5} prints exactly what
 * {@code python3 reference.py --w0 0.25 --b0 -0.5} prints.
 */
public final class Demos {
  private Demos() {}

  static final CommandLine COMMAND_LINE = new CommandLine("Demos",
      "Runs the seed's demo 1 (scalar calculation) then demo 2 (linear regression).",
      LinearRegressionDemo.FLAGS);

  /** Runs {@link #run(String[], PrintStream, PrintStream)} and exits with its code if non-zero. */
  public static void main(String[] args) {
    CommandLine.exitOnFailure(run(args, System.out, System.err));
  }

  /**
   * Runs demo 1 then demo 2, printing to {@code out}; returns the exit code: 0, 2 after printing
   * an error and the usage to {@code err} for a bad command line, 1 if the plot cannot be written.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return COMMAND_LINE.run(args, out, err, arguments -> {
      LinearRegressionDemo.Options options = LinearRegressionDemo.options(arguments);
      ScalarDemo.run(out);
      return LinearRegressionDemo.run(options, out);
    });
  }
}
