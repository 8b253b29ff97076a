package dev.autograd.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What every example's command line shares, on <a href="https://picocli.info">picocli</a>: running
 * a command with the project's error format, and the converters that check flag values while
 * parsing, so that nothing runs before the whole command line is known to be good.
 *
 * <p>A bad command line prints one line, {@code <command>: error: <what is wrong, naming the flag
 * and the value>}, then the command's usage, on the error stream, and gives exit code {@value
 * #USAGE_ERROR}; a mistyped flag or command name gets picocli's suggestions in that line. {@code
 * --help} and {@code --version} print on the output stream and give 0. An exception while running
 * prints one line ({@link #describeFailure}) and gives {@value #RUN_ERROR}, as does running out of
 * memory (a model too large for the heap); never a stack trace.
 */
final class Cli {
  private Cli() {}

  /** Exit code of a bad command line, as in POSIX tools. */
  static final int USAGE_ERROR = 2;

  /** Exit code of a failure while running (for example an I/O error while writing a file). */
  static final int RUN_ERROR = 1;

  /**
   * Width of the usage's column of long flags, wide enough for {@code --target-accuracy=A} and
   * {@code --plot-confusion=FILE}, which picocli's default of 20 runs into their descriptions.
   */
  static final int LONG_OPTIONS_WIDTH = 22;

  /** Ends the JVM with {@code code} if it is not 0 (a {@code main} calls this with its result). */
  static void exitOnFailure(int code) {
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * Runs {@code command} on its own (named after its class, as its {@code main} does) with {@code
   * args}, printing to {@code out} and {@code err}; returns the exit code.
   */
  static int execute(Object command, String[] args, PrintStream out, PrintStream err) {
    return execute(standalone(command), args, out, err);
  }

  /** Runs the parsed command line {@code commandLine} with {@code args}; returns the exit code. */
  static int execute(CommandLine commandLine, String[] args, PrintStream out, PrintStream err) {
    PrintWriter outWriter = new PrintWriter(out, true);
    PrintWriter errWriter = new PrintWriter(err, true);
    commandLine.setOut(outWriter).setErr(errWriter)
        .setParameterExceptionHandler(Cli::usageError)
        .setExecutionExceptionHandler((e, failed, parsed) -> {
          failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": error: "
              + describeFailure(e));
          return RUN_ERROR;
        });
    int code;
    try {
      code = commandLine.execute(args);
    } catch (OutOfMemoryError e) { // an Error: picocli's handler above sees only Exceptions
      errWriter.println(runningCommand(commandLine).getCommandSpec().qualifiedName()
          + ": error: out of memory (" + e.getMessage() + "); try a smaller model, or a larger"
          + " heap (java -Xmx...)");
      code = RUN_ERROR;
    }
    outWriter.flush();
    errWriter.flush();
    return code;
  }

  /** Returns the deepest command {@code commandLine} parsed: the subcommand that was running. */
  private static CommandLine runningCommand(CommandLine commandLine) {
    ParseResult parsed = commandLine.getParseResult();
    if (parsed == null) {
      return commandLine;
    }
    while (parsed.hasSubcommand()) {
      parsed = parsed.subcommand();
    }
    return parsed.commandSpec().commandLine();
  }

  /** Returns the command line of {@code command} run on its own: named after its class. */
  static CommandLine standalone(Object command) {
    return new CommandLine(command).setCommandName(command.getClass().getSimpleName())
        .setUsageHelpLongOptionsMaxWidth(LONG_OPTIONS_WIDTH);
  }

  /** Returns the usage {@code --help} prints for {@code command} run on its own. */
  static String usage(Object command) {
    return standalone(command).getUsageMessage();
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine failed = e.getCommandLine();
    PrintWriter err = failed.getErr();
    err.println(failed.getCommandSpec().qualifiedName() + ": error: " + describe(e, args));
    failed.usage(err);
    return USAGE_ERROR;
  }

  /**
   * Prints one warning line to {@code err} if a loss in {@code losses} (one per epoch) is not
   * finite, naming {@code program} and the first such epoch (counted from 1); prints nothing when
   * every loss is finite.
   */
  static void warnIfDiverged(PrintWriter err, String program, double[] losses) {
    int epoch = firstNonFinite(losses);
    if (epoch > 0) {
      err.println(program + ": warning: the run diverged: the loss is not finite from epoch "
          + epoch + " (try a smaller --lr)");
    }
  }

  /** Returns the position (counted from 1) of the first value that is not finite, or 0. */
  static int firstNonFinite(double[] values) {
    for (int k = 0; k < values.length; k++) {
      if (!Double.isFinite(values[k])) {
        return k + 1;
      }
    }
    return 0;
  }

  /**
   * Returns one line saying what is wrong with the command line {@code args}, naming the flag as
   * typed there (an alias such as {@code --lr} by that name) and the value.
   */
  static String describe(ParameterException e, String[] args) {
    if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
      String arg = unmatched.getUnmatched().get(0);
      String what;
      if (e.getCommandLine().getCommandSpec().findOption(arg) != null) {
        return "unexpected argument '" + arg + "' (after --, which ends the flags)";
      }
      if (arg.startsWith("-")) {
        int eq = arg.indexOf('=');
        what = "unknown flag " + (eq > 0 ? arg.substring(0, eq) : arg);
      } else if (!e.getCommandLine().getSubcommands().isEmpty()) {
        what = "unknown command '" + arg + "'";
      } else {
        what = "unexpected argument '" + arg + "'";
      }
      List<String> suggestions = unmatched.getSuggestions();
      return suggestions.isEmpty() ? what : what + " (did you mean " + suggestions.get(0) + "?)";
    }
    if (e instanceof OverwrittenOptionException overwritten
        && overwritten.getOverwritten() instanceof OptionSpec option) {
      return typedName(option, args) + " given twice";
    }
    if (e instanceof MissingParameterException missing && missing.getMissing().size() == 1
        && missing.getMissing().get(0) instanceof OptionSpec option) {
      return nameAtFault(option, args, null) + " needs a value (" + option.paramLabel() + ")";
    }
    if (e instanceof MissingParameterException missing && missing.getMissing().size() == 1
        && missing.getMissing().get(0) instanceof PositionalParamSpec positional) {
      return "missing " + positional.paramLabel();
    }
    if (e.getArgSpec() instanceof OptionSpec option) {
      if (e.getCause() instanceof TypeConversionException bad) {
        return nameAtFault(option, args, e.getValue()) + " " + bad.getMessage();
      }
    }
    return e.getMessage();
  }

  /**
   * Returns the name of the first occurrence of {@code option} in {@code args} whose value is
   * {@code value} ({@code null}: an occurrence without one, last in {@code args} or followed by a
   * flag), as picocli stops at the first bad occurrence; else {@link #typedName}.
   */
  private static String nameAtFault(OptionSpec option, String[] args, String value) {
    for (int i = 0; i < args.length; i++) {
      String name = nameIn(option, args[i]);
      if (name != null) {
        boolean alone = args[i].equals(name);
        String given = !alone ? args[i].substring(name.length() + 1)
            : i + 1 < args.length && !isFlag(option, args[i + 1]) ? args[i + 1] : null;
        if (Objects.equals(given, value)) {
          return name;
        }
      }
    }
    return typedName(option, args);
  }

  private static boolean isFlag(OptionSpec option, String arg) {
    int eq = arg.indexOf('=');
    return option.command().findOption(eq > 0 ? arg.substring(0, eq) : arg) != null;
  }

  /**
   * Returns the last of {@code option}'s names that {@code args} holds (alone or before {@code =}),
   * or its longest name if none does.
   */
  private static String typedName(OptionSpec option, String[] args) {
    String typed = option.longestName();
    for (String arg : args) {
      String name = nameIn(option, arg);
      typed = name != null ? name : typed;
    }
    return typed;
  }

  /**
   * Returns the name of {@code option} that {@code arg} gives, alone or before {@code =}, or null
   * (a name holds no {@code =}, so at most one of them matches).
   */
  private static String nameIn(OptionSpec option, String arg) {
    for (String name : option.names()) {
      if (arg.equals(name) || arg.startsWith(name + "=")) {
        return name;
      }
    }
    return null;
  }

  /**
   * Returns one line saying why a run failed: for a file-system error the file and the reason
   * ({@code /data/out: permission denied}), for another I/O error its message, and for anything
   * else, which would be a bug, the exception itself ({@code java.lang.IllegalStateException:
   * ...}).
   */
  static String describeFailure(Exception e) {
    Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
    if (cause instanceof FileSystemException fileSystem) {
      String files = fileSystem.getOtherFile() == null ? fileSystem.getFile()
          : fileSystem.getFile() + " -> " + fileSystem.getOtherFile();
      return files + ": " + reason(fileSystem);
    }
    if (cause instanceof IOException && cause.getMessage() != null) {
      return cause.getMessage();
    }
    return cause.toString();
  }

  private static String reason(FileSystemException e) {
    if (e.getReason() != null) {
      return e.getReason();
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "already exists";
    }
    return "cannot be written or read";
  }

  /** The version {@code --version} prints: the project's, written into a resource by the build. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      Properties properties = new Properties();
      try (InputStream in = Cli.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          properties.load(in);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new String[] {"autograd " + properties.getProperty("version", "(unknown version)")};
    }
  }

  /** A number as Python's {@code float()} reads it: {@code 0.25}, {@code -.5}, {@code 2e3}. */
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  /** A finite number written as Python's {@code float()} reads it. */
  static final class FiniteDouble implements ITypeConverter<Double> {
    @Override
    public Double convert(String text) {
      String trimmed = text.trim();
      boolean nonFinite = trimmed.toLowerCase(Locale.ROOT).matches("[+-]?(inf|infinity|nan)");
      if (!nonFinite && !DECIMAL.matcher(trimmed).matches()) {
        throw new TypeConversionException("expects a number, got '" + text + "'");
      }
      double x = nonFinite ? Double.NaN : Double.parseDouble(trimmed);
      if (!Double.isFinite(x)) {
        throw new TypeConversionException("expects a finite number, got '" + text + "'");
      }
      return x;
    }
  }

  /** A finite number {@code > 0}. */
  static final class PositiveDouble implements ITypeConverter<Double> {
    @Override
    public Double convert(String text) {
      double x = new FiniteDouble().convert(text);
      if (!(x > 0)) {
        throw new TypeConversionException("must be > 0, got '" + text + "'");
      }
      return x;
    }
  }

  /** Any integer that fits a {@code long}. */
  static final class AnyLong implements ITypeConverter<Long> {
    @Override
    public Long convert(String text) {
      try {
        return Long.parseLong(text.trim());
      } catch (NumberFormatException e) {
        throw new TypeConversionException("expects an integer, got '" + text + "'");
      }
    }
  }

  /** An integer from 1 to {@link Integer#MAX_VALUE}. */
  static final class PositiveInt implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String text) {
      long n = new AnyLong().convert(text);
      if (n < 1 || n > Integer.MAX_VALUE) {
        throw new TypeConversionException(
            (n < 1 ? "must be >= 1" : "must be <= " + Integer.MAX_VALUE) + ", got '" + text + "'");
      }
      return (int) n;
    }
  }

  /**
   * A file that can be written: its directory exists and is writable, and it is not itself a
   * directory. Checking before a run spares a long run that cannot save its result.
   */
  static final class OutputFile implements ITypeConverter<Path> {
    @Override
    public Path convert(String text) {
      Path path;
      try {
        path = Path.of(text).toAbsolutePath();
      } catch (InvalidPathException e) {
        throw new TypeConversionException("is not a valid path: '" + text + "'");
      }
      Path dir = path.getParent();
      if (text.isBlank() || dir == null || Files.isDirectory(path)) {
        throw new TypeConversionException("must name a file, got '" + text + "'");
      }
      if (!Files.isDirectory(dir)) {
        throw new TypeConversionException(
            "cannot write '" + text + "': directory " + dir + " does not exist");
      }
      if (!Files.isWritable(dir) || (Files.exists(path) && !Files.isWritable(path))) {
        throw new TypeConversionException("cannot write '" + text + "': not writable");
      }
      return path;
    }
  }

  /** An optimizer's name, {@code sgd} or {@code adam}. */
  static final class OptimizerName implements ITypeConverter<String> {
    @Override
    public String convert(String text) {
      if (!text.equals("sgd") && !text.equals("adam")) {
        throw new TypeConversionException("must be sgd or adam, got '" + text + "'");
      }
      return text;
    }
  }

  /** An {@link OutputFile} for a picture, whose name ends in {@code .png} or {@code .svg}. */
  static final class PictureFile implements ITypeConverter<Path> {
    @Override
    public Path convert(String text) {
      if (PictureFormat.of(text) == null) {
        throw new TypeConversionException(
            "must end in .png or .svg (the picture's format), got '" + text + "'");
      }
      return new OutputFile().convert(text);
    }
  }
}
