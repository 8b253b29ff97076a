package dev.autograd.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ScalarDemoTest {

  @Test
  void printsExactlyTheReferenceProgramsDemoOneLines() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ScalarDemo.run(new PrintWriter(bytes, true, StandardCharsets.UTF_8));
    String expected =
        "\n--- Demo 1: Simple Scalar Calculation ---\n"
            + "Result: 15.0, Gradients: x=5.0, y=8.0\n";
    assertEquals(expected, bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
  }

  @Test
  void itsMainTakesNoArgumentsButHelp() {
    Run run = Run.of(ScalarDemo::run);
    assertEquals(0, run.code(), run.err());
    assertEquals("\n--- Demo 1: Simple Scalar Calculation ---\n"
        + "Result: 15.0, Gradients: x=5.0, y=8.0\n", run.out());
    Run.of(ScalarDemo::run, "--help").assertPrintedHelp(Cli.usage(new ScalarDemo()));
    Run.of(ScalarDemo::run, "--x", "1").assertRejected(Cli.usage(new ScalarDemo()),
        "ScalarDemo: error: unknown flag --x");
  }
}
