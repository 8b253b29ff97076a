package dev.autograd.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input matrix of the example command lines: one row per example and kind of bad flag.
 * Each must exit with status 2 before doing any work (nothing on standard output), printing one
 * line that names the offending flag or value, followed by the usage that {@code --help} prints.
 */
class BadFlagsTest {
  private static final String MISSING_DIR =
      Path.of("target", "no-such-directory", "out.png").toString();

  /** One rejected command line: the program, its arguments and the error line it must print. */
  record Row(String program, Run.Main main, List<String> args, String message) {
    @Override
    public String toString() {
      return program + " " + String.join(" ", args);
    }
  }

  static Stream<Row> rows() {
    List<Row> rows = new ArrayList<>();
    rows.add(row("ScalarDemo", ScalarDemo::run, "unknown flag --lr", "--lr", "1"));
    rows.add(row("ScalarDemo", ScalarDemo::run, "unexpected argument 'x'", "x"));
    // After "--" a flag's name is an argument: it was "unknown flag --epochs (did you mean
    // --epochs?)".
    rows.add(row("LinearRegressionDemo", LinearRegressionDemo::run,
        "unexpected argument '--epochs' (after --, which ends the flags)", "--", "--epochs"));
    rows.add(row("GraphDemo", GraphDemo::run, "--out needs a value (FILE.dot)", "--out"));
    rows.add(row("GraphDemo", GraphDemo::run, "--out must name a file, got 'target'",
        "--out", "target"));
    rows.add(row("GraphDemo", GraphDemo::run, "--help 'yes' is not a boolean",
        "--help=yes"));
    for (String program : List.of("LinearRegressionDemo", "Demos")) {
      Run.Main main = program.equals("Demos") ? Demos::run : LinearRegressionDemo::run;
      rows.add(row(program, main, "--lr expects a finite number, got 'NaN'", "--lr", "NaN"));
      rows.add(row(program, main, "--lr expects a finite number, got 'inf'", "--lr=inf"));
      rows.add(row(program, main, "--lr must be > 0, got '-0.1'", "--lr", "-0.1"));
      rows.add(row(program, main, "--lr expects a number, got 'fast'", "--lr", "fast"));
      rows.add(row(program, main, "--w0 expects a finite number, got '1e999'", "--w0", "1e999"));
      rows.add(row(program, main, "--b0 expects a finite number, got '-Infinity'",
          "--b0=-Infinity"));
      rows.add(row(program, main, "--epochs must be >= 1, got '0'", "--epochs", "0"));
      rows.add(row(program, main, "--epochs expects an integer, got '2.5'", "--epochs", "2.5"));
      rows.add(row(program, main, "--seed expects an integer, got 'abc'", "--seed", "abc"));
      rows.add(row(program, main, "--optimizer must be sgd or adam, got 'rmsprop'",
          "--optimizer", "rmsprop"));
      rows.add(row(program, main, "--epochs given twice", "--epochs", "1", "--epochs", "2"));
      rows.add(row(program, main, "--plot cannot write '" + MISSING_DIR + "': directory "
          + Path.of(MISSING_DIR).toAbsolutePath().getParent() + " does not exist",
          "--plot", MISSING_DIR));
    }
    rows.add(row("MoonsDemo", MoonsDemo::run, "--steps must be >= 1, got '-5'", "--steps", "-5"));
    rows.add(row("MoonsDemo", MoonsDemo::run, "--seed expects an integer, got '1e3'",
        "--seed", "1e3"));
    rows.add(row("MoonsDemo", MoonsDemo::run, "--steps needs a value (N)", "--steps",
        "--seed", "1"));
    rows.add(row("MoonsDemo", MoonsDemo::run, "unknown flag --lr", "--lr=0.1"));
    return rows.stream();
  }

  private static Row row(String program, Run.Main main, String message, String... args) {
    return new Row(program, main, List.of(args), message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void aBadCommandLineExitsWithTwoAndOneLineNamingTheValueBeforeTheUsage(Row row) {
    Run run = Run.of(row.main(), row.args().toArray(new String[0]));
    String usage = Run.of(row.main(), "--help").out();
    assertEquals(2, run.code(), run.err());
    assertEquals("", run.out(), "nothing runs before the command line is checked");
    assertEquals(row.program() + ": error: " + row.message() + "\n" + usage, run.err());
  }

  @Test
  void everyExampleMainExitsTheJvmWithStatusTwoOnABadFlag() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("java.class.path");
    for (Class<?> main : List.of(ScalarDemo.class, GraphDemo.class, LinearRegressionDemo.class,
        Demos.class, MoonsDemo.class)) {
      Process process =
          new ProcessBuilder(java, "-cp", classPath, main.getName(), "--bogus")
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), main.getName());
      assertEquals(2, process.exitValue(), main.getName() + ": " + err);
      String first = err.lines().findFirst().orElse("");
      assertEquals(main.getSimpleName() + ": error: unknown flag --bogus", first);
    }
  }
}
