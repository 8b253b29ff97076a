package dev.autograd.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

class CliTest {

  @TempDir Path dir;

  private static String rejection(ITypeConverter<?> converter, String text) {
    return assertThrows(TypeConversionException.class, () -> converter.convert(text)).getMessage();
  }

  @Test
  void readsNumbersAsPythonsFloatDoesAndNothingElse() throws Exception {
    Cli.FiniteDouble finite = new Cli.FiniteDouble();
    assertEquals(-0.5, finite.convert("-.5"), 0.0);
    assertEquals(1e2, finite.convert("1E+2"), 0.0);
    for (String bad : List.of("1e-3d", "0x1p3", "1f", "", "1,5", "--")) {
      assertEquals("expects a number, got '" + bad + "'", rejection(finite, bad));
    }
    for (String nonFinite : List.of("1e999", "NaN", "-Infinity", "inf")) {
      assertEquals("expects a finite number, got '" + nonFinite + "'",
          rejection(finite, nonFinite));
    }
  }

  @Test
  void rejectsNumbersOutOfRange() throws Exception {
    assertEquals("must be > 0, got '0'", rejection(new Cli.PositiveDouble(), "0"));
    assertEquals("must be >= 1, got '-3'", rejection(new Cli.PositiveInt(), "-3"));
    assertEquals("must be <= 2147483647, got '3000000000'",
        rejection(new Cli.PositiveInt(), "3000000000"));
    assertEquals("expects an integer, got '1.5'", rejection(new Cli.AnyLong(), "1.5"));
    assertEquals(-3L, new Cli.AnyLong().convert("-3"));
    assertEquals(7, new Cli.PositiveInt().convert("7"));
  }

  @Test
  void acceptsAnOutputFileOnlyInAnExistingDirectory() throws IOException {
    Path ok = dir.resolve("plot.png");
    assertEquals(ok.toAbsolutePath(), new Cli.OutputFile().convert(ok.toString()));
    Path missing = dir.resolve("missing").resolve("plot.png");
    String message = rejection(new Cli.OutputFile(), missing.toString());
    assertTrue(message.startsWith("cannot write '" + missing + "': directory "), message);
    Path isDir = Files.createDirectory(dir.resolve("plot-dir.png"));
    assertEquals("must name a file, got '" + isDir + "'",
        rejection(new Cli.OutputFile(), isDir.toString()));
  }

  @Test
  void acceptsAPictureFileOnlyWithAPictureExtension() {
    assertEquals(dir.resolve("a.PNG"), new Cli.PictureFile().convert(dir.resolve("a.PNG") + ""));
    assertEquals(dir.resolve("a.svg"), new Cli.PictureFile().convert(dir.resolve("a.svg") + ""));
    String txt = dir.resolve("out.txt").toString();
    assertEquals("must end in .png or .svg (the picture's format), got '" + txt + "'",
        rejection(new Cli.PictureFile(), txt));
  }

  /** A command that fails while running. */
  @Command(name = "failing")
  static final class Failing implements Callable<Integer> {
    @Override
    public Integer call() throws IOException {
      throw new IOException("disk full");
    }
  }

  @Test
  void aFailureWhileRunningPrintsOneLineAndReturnsOne() {
    Run run = Run.of((args, out, err) -> Cli.execute(new Failing(), args, out, err));
    assertEquals(1, run.code());
    assertEquals("Failing: error: disk full\n", run.err());
  }

  @Test
  void aFileSystemFailureIsDescribedByTheFileAndTheReasonWithoutTheExceptionsName() {
    assertEquals("/data/target: permission denied",
        Cli.describeFailure(new AccessDeniedException("/data/target")));
    assertEquals("/data/in.csv: no such file or directory",
        Cli.describeFailure(new UncheckedIOException(new NoSuchFileException("/data/in.csv"))));
    assertEquals("/a -> /b: Device busy",
        Cli.describeFailure(new FileSystemException("/a", "/b", "Device busy")));
    assertEquals("java.lang.IllegalStateException: a bug",
        Cli.describeFailure(new IllegalStateException("a bug")));
  }
}
