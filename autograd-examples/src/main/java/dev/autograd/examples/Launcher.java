package dev.autograd.examples;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The one launcher of every example, the runnable jar's main: {@code java -jar
 * autograd-examples.jar <command> [flags]}. Each command is also a main of its own.
 *
 * <p>To add a command: write a class annotated with picocli's {@code @Command(name = "...")} that
 * implements {@code Callable<Integer>} (as {@link MoonsDemo} does), and add it to the {@code
 * subcommands} list below, one line.
 */
@Command(name = "autograd", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
    description = "Runs an example of the autograd library; 'autograd <command> --help' shows a"
        + " command's flags.",
    subcommands = {
        Demos.class,
        ScalarDemo.class,
        LinearRegressionDemo.class,
        MoonsDemo.class,
        GraphDemo.class,
        NewtonDemo.class,
        DiabetesRegression.class,
        DigitsClassifier.class,
        IrisClassifier.class,
        BreastCancerClassifier.class,
        CsvRegression.class,
    })
public final class Launcher implements Callable<Integer> {
  @Spec private CommandSpec spec;

  /** Returns the launcher as a command, for picocli. */
  public Launcher() {}

  /** Runs {@link #run(String[], PrintStream, PrintStream)} and exits with its code if non-zero. */
  public static void main(String[] args) {
    Cli.exitOnFailure(run(args, System.out, System.err));
  }

  /**
   * Runs the command named by {@code args[0]} with the rest of {@code args}; returns its exit
   * code, or 2 after printing an error and the usage to {@code err} for a bad command line.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return Cli.execute(commandLine(), args, out, err);
  }

  /** Returns the launcher's command line, its commands and usage layout as {@link #run} uses. */
  static CommandLine commandLine() {
    return new CommandLine(new Launcher())
        .setUsageHelpLongOptionsMaxWidth(Cli.LONG_OPTIONS_WIDTH);
  }

  /** Without a command: a usage error naming the commands. */
  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(),
        "missing command: one of " + String.join(", ", spec.subcommands().keySet()));
  }
}
