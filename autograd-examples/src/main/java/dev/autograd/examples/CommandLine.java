package dev.autograd.examples;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The command line of one example: its flags, its usage text, and the run loop every example's
 * {@code main} shares. A bad command line (unknown flag, missing or malformed value, an output file
 * whose directory does not exist) prints one line naming the bad value, then the usage, on the
 * error stream and gives exit code 2; {@code --help} prints the usage on the output stream and
 * gives 0.
 *
 * <p>Flags take their value as the next argument ({@code --lr 0.01}) or after an equals sign
 * ({@code --lr=0.01}). An argument starting with {@code --} is never taken as a value, so {@code
 * --lr --epochs 5} reports the missing value of {@code --lr}; {@code --epochs -3} is a (bad) value.
 */
final class CommandLine {
  /** Exit code of a bad command line, as in POSIX tools. */
  static final int USAGE_ERROR = 2;

  /** Exit code of a failure while running (for example an I/O error while writing a file). */
  static final int RUN_ERROR = 1;

  /** One flag: its name ({@code --lr}), its value's name ({@code null} for a switch), its help. */
  record Flag(String name, String valueName, String help) {
    /** Returns a flag that takes a value. */
    static Flag valued(String name, String valueName, String help) {
      return new Flag(name, requireNonNull(valueName, "valueName"), help);
    }

    /** Returns a flag without a value. */
    static Flag toggle(String name, String help) {
      return new Flag(name, null, help);
    }

    boolean takesValue() {
      return valueName != null;
    }
  }

  /** What an example does with its parsed arguments; returns the exit code. */
  @FunctionalInterface
  interface Program {
    int run(Arguments arguments) throws IOException;
  }

  /** A bad command line: the message names the offending flag or value. */
  static final class BadArgument extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    BadArgument(String message) {
      super(message);
    }
  }

  /** A number as Python's {@code float()} reads it: {@code 0.25}, {@code -.5}, {@code 2e3}. */
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private static final Flag HELP = Flag.toggle("--help", "print this help and exit");

  private final String program;
  private final String summary;
  private final Map<String, Flag> flags = new LinkedHashMap<>();

  /** Ends the JVM with {@code code} if it is not 0 (a {@code main} calls this with its result). */
  static void exitOnFailure(int code) {
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Returns the command line of {@code program} (its class name), with {@code --help} added. */
  CommandLine(String program, String summary, List<Flag> flags) {
    this.program = requireNonNull(program, "program");
    this.summary = requireNonNull(summary, "summary");
    for (Flag flag : flags) {
      this.flags.put(flag.name(), flag);
    }
    this.flags.put(HELP.name(), HELP);
  }

  /** Returns the usage text: a usage line, the summary and one line per flag. */
  String usage() {
    StringBuilder sb = new StringBuilder("usage: ").append(program).append(" [flags]\n");
    sb.append(summary).append('\n');
    for (Flag flag : flags.values()) {
      String left = flag.takesValue() ? flag.name() + " " + flag.valueName() : flag.name();
      sb.append(String.format("  %-22s %s\n", left, flag.help()));
    }
    return sb.toString();
  }

  /**
   * Parses {@code args}, then runs {@code body}: returns 0 after printing the usage for {@code
   * --help}, {@link #USAGE_ERROR} after printing a one-line error and the usage to {@code err} for
   * a bad command line (found while parsing, or by {@code body} through the checked accessors of
   * {@link Arguments}, which it calls before printing anything), {@link #RUN_ERROR} for an {@link
   * IOException}, otherwise what {@code body} returns.
   */
  int run(String[] args, PrintStream out, PrintStream err, Program body) {
    Arguments arguments;
    try {
      arguments = parse(args);
    } catch (BadArgument e) {
      return usageError(err, e.getMessage());
    }
    if (arguments.has(HELP.name())) {
      out.print(usage());
      return 0;
    }
    try {
      return body.run(arguments);
    } catch (BadArgument e) {
      return usageError(err, e.getMessage());
    } catch (IOException e) {
      err.println(program + ": error: " + e);
      return RUN_ERROR;
    }
  }

  private int usageError(PrintStream err, String message) {
    err.println(program + ": error: " + message);
    err.print(usage());
    return USAGE_ERROR;
  }

  /**
   * Returns the flags given in {@code args}.
   *
   * @throws BadArgument naming the argument, for an unknown flag, a stray argument, a
   *     flag given twice, a missing value or a value given to a switch
   */
  Arguments parse(String[] args) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      int eq = arg.indexOf('=');
      String name = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
      Flag flag = flags.get(name);
      if (flag == null) {
        throw new BadArgument(arg.startsWith("-")
            ? "unknown flag " + name : "unexpected argument '" + arg + "'");
      }
      if (values.containsKey(name)) {
        throw new BadArgument(name + " given twice");
      }
      String value;
      if (!flag.takesValue()) {
        if (eq > 0) {
          throw new BadArgument(name + " takes no value, got '" + arg + "'");
        }
        value = "";
      } else if (eq > 0) {
        value = arg.substring(eq + 1);
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        value = args[++i];
      } else {
        throw new BadArgument(name + " needs a value (" + flag.valueName() + ")");
      }
      values.put(name, value);
    }
    return new Arguments(values);
  }

  /** The flags given on one command line, with typed, checked accessors. */
  static final class Arguments {
    private final Map<String, String> values;

    private Arguments(Map<String, String> values) {
      this.values = values;
    }

    /** Returns whether {@code flag} was given. */
    boolean has(String flag) {
      return values.containsKey(flag);
    }

    /**
     * Returns the finite number given to {@code flag}, or {@code fallback} if absent.
     *
     * @throws BadArgument naming the value if it is not a finite number
     */
    double finiteDouble(String flag, double fallback) {
      String text = values.get(flag);
      if (text == null) {
        return fallback;
      }
      String trimmed = text.trim();
      if (trimmed.matches("(?i)[+-]?(inf|infinity|nan)")) {
        throw new BadArgument(flag + " expects a finite number, got '" + text + "'");
      }
      if (!DECIMAL.matcher(trimmed).matches()) {
        throw new BadArgument(flag + " expects a number, got '" + text + "'");
      }
      double x = Double.parseDouble(trimmed);
      if (!Double.isFinite(x)) {
        throw new BadArgument(flag + " expects a finite number, got '" + text + "'");
      }
      return x;
    }

    /**
     * Returns the number given to {@code flag}, which must be {@code > 0}, or {@code fallback}.
     *
     * @throws BadArgument naming the value if it is not a positive finite number
     */
    double positiveDouble(String flag, double fallback) {
      double x = finiteDouble(flag, fallback);
      if (!(x > 0)) {
        throw new BadArgument(flag + " must be > 0, got '" + values.get(flag) + "'");
      }
      return x;
    }

    /**
     * Returns the integer given to {@code flag}, which must be {@code >= 1}, or {@code fallback}.
     *
     * @throws BadArgument naming the value if it is not a positive integer
     */
    int positiveInt(String flag, int fallback) {
      long n = anyLong(flag, fallback);
      if (n < 1 || n > Integer.MAX_VALUE) {
        throw new BadArgument(flag + (n < 1 ? " must be >= 1" : " must be <= " + Integer.MAX_VALUE)
            + ", got '" + values.get(flag) + "'");
      }
      return (int) n;
    }

    /**
     * Returns the integer given to {@code flag}, or {@code fallback} if absent.
     *
     * @throws BadArgument naming the value if it is not an integer
     */
    long anyLong(String flag, long fallback) {
      String text = values.get(flag);
      if (text == null) {
        return fallback;
      }
      try {
        return Long.parseLong(text.trim());
      } catch (NumberFormatException e) {
        throw new BadArgument(flag + " expects an integer, got '" + text + "'");
      }
    }

    /**
     * Returns the one value among {@code choices} given to {@code flag}, or {@code fallback}.
     *
     * @throws BadArgument naming the value if it is not one of {@code choices}
     */
    String choice(String flag, List<String> choices, String fallback) {
      String text = values.getOrDefault(flag, fallback);
      if (!choices.contains(text)) {
        throw new BadArgument(
            flag + " must be one of " + String.join("|", choices) + ", got '" + text + "'");
      }
      return text;
    }

    /**
     * Returns the file named by {@code flag}, or {@code null} if absent, after checking that it can
     * be written: its directory exists and is writable, and it is not itself a directory. Checking
     * before a run spares a long run that cannot save its result.
     *
     * @throws BadArgument naming the path if it cannot be written
     */
    Path outputFile(String flag) {
      String text = values.get(flag);
      if (text == null) {
        return null;
      }
      Path path;
      try {
        path = Path.of(text).toAbsolutePath();
      } catch (InvalidPathException e) {
        throw new BadArgument(flag + " is not a valid path: '" + text + "'");
      }
      Path dir = path.getParent();
      if (text.isBlank() || dir == null || Files.isDirectory(path)) {
        throw new BadArgument(flag + " must name a file, got '" + text + "'");
      }
      if (!Files.isDirectory(dir)) {
        throw new BadArgument(
            flag + " cannot write '" + text + "': directory " + dir + " does not exist");
      }
      if (!Files.isWritable(dir) || (Files.exists(path) && !Files.isWritable(path))) {
        throw new BadArgument(flag + " cannot write '" + text + "': not writable");
      }
      return path;
    }
  }
}
