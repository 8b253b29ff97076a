package dev.autograd.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

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

  /**
   * Asserts that this run rejected its command line: exit code 2, nothing on standard output, and
   * on standard error one line starting with {@code firstLine} followed by {@code usage}, without a
   * stack trace.
   */
  void assertRejected(String usage, String firstLine) {
    assertEquals(2, code, "exit code; stderr: " + err);
    assertEquals("", out, "stdout");
    int end = err.indexOf('\n');
    assertTrue(end > 0 && err.substring(0, end).startsWith(firstLine), err);
    assertEquals(usage.replace(System.lineSeparator(), "\n"), err.substring(end + 1));
    assertFalse(err.contains("Exception") || err.contains("\tat "), err);
  }

  /** Asserts that this run printed {@code usage} for --help and exited 0. */
  void assertPrintedHelp(String usage) {
    assertEquals(0, code, "exit code; stderr: " + err);
    assertEquals(usage.replace(System.lineSeparator(), "\n"), out);
    assertEquals("", err, "stderr");
  }

  /**
   * Asserts that this run succeeded and wrote {@code png}: a non-empty file that {@link ImageIO}
   * reads as a {@code width} x {@code height} picture with more than a few colours (not blank).
   */
  void assertWrotePng(Path png, int width, int height) throws IOException {
    assertEquals(0, code, "exit code; stderr: " + err);
    assertTrue(out.endsWith("Wrote " + png.toAbsolutePath() + "\n"), out);
    assertTrue(Files.size(png) > 0, "empty " + png);
    BufferedImage image = ImageIO.read(png.toFile());
    assertNotNull(image, "ImageIO cannot read " + png);
    assertEquals(width, image.getWidth(), "width");
    assertEquals(height, image.getHeight(), "height");
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < height; y += 2) {
      for (int x = 0; x < width; x += 2) {
        colours.add(image.getRGB(x, y));
      }
    }
    assertTrue(colours.size() > 20, "only " + colours.size() + " colours in " + png);
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
