package dev.autograd.examples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** One in-process run of an example's {@code run(args, out, err)}: exit code, stdout, stderr. */
record Run(int code, String out, String err) {

  /** An example's {@code run(String[], PrintStream, PrintStream)}. */
  @FunctionalInterface
  interface Main {
    int run(String[] args, PrintStream out, PrintStream err);
  }

  /** Runs {@code main} with {@code args}, capturing both streams with {@code \n} line ends. */
  static Run of(Main main, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, text(out), text(err));
  }

  /** Returns the test resource {@code name} (next to this class) with {@code \n} line ends. */
  static String resource(String name) {
    try (InputStream in = Run.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }
}
