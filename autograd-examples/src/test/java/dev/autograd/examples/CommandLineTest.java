package dev.autograd.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autograd.examples.CommandLine.Arguments;
import dev.autograd.examples.CommandLine.BadArgument;
import dev.autograd.examples.CommandLine.Flag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {

  private static final CommandLine LINE = new CommandLine("Example", "Does an example.", List.of(
      Flag.valued("--lr", "D", "learning rate"),
      Flag.valued("--epochs", "N", "epochs"),
      Flag.valued("--seed", "N", "seed"),
      Flag.valued("--optimizer", "NAME", "sgd|adam"),
      Flag.valued("--plot", "FILE.png", "plot"),
      Flag.toggle("--verbose", "talk more")));

  @TempDir Path dir;

  private static String messageOf(String... args) {
    return assertThrows(BadArgument.class, () -> LINE.parse(args)).getMessage();
  }

  private static String messageOf(Arguments arguments, java.util.function.Consumer<Arguments> use) {
    return assertThrows(BadArgument.class, () -> use.accept(arguments)).getMessage();
  }

  @Test
  void readsValuesAfterTheFlagOrAfterAnEqualsSign() {
    Arguments a = LINE.parse(new String[] {"--lr", "0.5", "--epochs=7", "--verbose"});
    assertEquals(0.5, a.positiveDouble("--lr", 1.0), 0.0);
    assertEquals(7, a.positiveInt("--epochs", 1));
    assertTrue(a.has("--verbose"));
    assertFalse(a.has("--seed"));
    assertEquals(42L, a.anyLong("--seed", 42L));
    assertEquals("sgd", a.choice("--optimizer", List.of("sgd", "adam"), "sgd"));
    assertNull(a.outputFile("--plot"));
  }

  @Test
  void readsNumbersAsPythonsFloatDoesAndNothingElse() {
    Arguments ok = LINE.parse(new String[] {"--lr", "-.5", "--seed", "+7"});
    assertEquals(-0.5, ok.finiteDouble("--lr", 1), 0.0);
    assertEquals(1e2, LINE.parse(new String[] {"--lr", "1E+2"}).finiteDouble("--lr", 1), 0.0);
    for (String bad : List.of("1e-3d", "0x1p3", "1f", "", "1,5", "--")) {
      Arguments a = LINE.parse(new String[] {"--lr=" + bad});
      assertEquals("--lr expects a number, got '" + bad + "'",
          messageOf(a, x -> x.finiteDouble("--lr", 1)));
    }
    Arguments huge = LINE.parse(new String[] {"--lr", "1e999"});
    assertEquals("--lr expects a finite number, got '1e999'",
        messageOf(huge, x -> x.finiteDouble("--lr", 1)));
  }

  @Test
  void acceptsNegativeNumbersAsValues() {
    Arguments a = LINE.parse(new String[] {"--seed", "-3"});
    assertEquals(-3L, a.anyLong("--seed", 0));
  }

  @Test
  void rejectsAnUnknownFlagByName() {
    assertEquals("unknown flag --bogus", messageOf("--lr", "1", "--bogus", "2"));
    assertEquals("unknown flag --lr2", messageOf("--lr2=3"));
  }

  @Test
  void rejectsAStrayArgument() {
    assertEquals("unexpected argument 'extra'", messageOf("extra"));
  }

  @Test
  void rejectsAMissingValueAtTheEndOrBeforeAnotherFlag() {
    assertEquals("--lr needs a value (D)", messageOf("--lr"));
    assertEquals("--lr needs a value (D)", messageOf("--lr", "--epochs", "3"));
  }

  @Test
  void rejectsAFlagGivenTwiceAndAValueGivenToASwitch() {
    assertEquals("--lr given twice", messageOf("--lr", "1", "--lr", "2"));
    assertEquals("--verbose takes no value, got '--verbose=yes'", messageOf("--verbose=yes"));
  }

  @Test
  void rejectsNumbersThatAreMalformedNonFiniteOrOutOfRange() {
    Arguments a = LINE.parse(new String[] {"--lr", "abc", "--epochs", "-3", "--seed", "1.5"});
    assertEquals("--lr expects a number, got 'abc'",
        messageOf(a, x -> x.positiveDouble("--lr", 1)));
    assertEquals("--epochs must be >= 1, got '-3'",
        messageOf(a, x -> x.positiveInt("--epochs", 1)));
    assertEquals("--seed expects an integer, got '1.5'", messageOf(a, x -> x.anyLong("--seed", 0)));
    Arguments b = LINE.parse(new String[] {"--lr", "NaN", "--epochs", "x"});
    assertEquals("--lr expects a finite number, got 'NaN'",
        messageOf(b, x -> x.finiteDouble("--lr", 1)));
    assertEquals("--epochs expects an integer, got 'x'",
        messageOf(b, x -> x.positiveInt("--epochs", 1)));
    Arguments big = LINE.parse(new String[] {"--epochs", "3000000000"});
    assertEquals("--epochs must be <= 2147483647, got '3000000000'",
        messageOf(big, x -> x.positiveInt("--epochs", 1)));
    Arguments c = LINE.parse(new String[] {"--lr", "0"});
    assertEquals("--lr must be > 0, got '0'", messageOf(c, x -> x.positiveDouble("--lr", 1)));
  }

  @Test
  void rejectsAChoiceOutsideTheList() {
    Arguments a = LINE.parse(new String[] {"--optimizer", "rmsprop"});
    assertEquals("--optimizer must be one of sgd|adam, got 'rmsprop'",
        messageOf(a, x -> x.choice("--optimizer", List.of("sgd", "adam"), "sgd")));
  }

  @Test
  void acceptsAnOutputFileOnlyInAnExistingDirectory() throws IOException {
    Path ok = dir.resolve("plot.png");
    assertEquals(ok.toAbsolutePath(),
        LINE.parse(new String[] {"--plot", ok.toString()}).outputFile("--plot"));
    Path missing = dir.resolve("missing").resolve("plot.png");
    Arguments a = LINE.parse(new String[] {"--plot", missing.toString()});
    String message = messageOf(a, x -> x.outputFile("--plot"));
    assertTrue(message.startsWith("--plot cannot write '" + missing + "': directory "), message);
    Path isDir = Files.createDirectory(dir.resolve("plot-dir.png"));
    Arguments b = LINE.parse(new String[] {"--plot", isDir.toString()});
    assertEquals("--plot must name a file, got '" + isDir + "'",
        messageOf(b, x -> x.outputFile("--plot")));
  }

  @Test
  void runPrintsOneErrorLineThenTheUsageAndReturnsTwo() {
    Run run = Run.of((args, out, err) -> LINE.run(args, out, err, a -> {
      a.positiveInt("--epochs", 1);
      out.println("ran");
      return 0;
    }), "--epochs", "-3");
    assertEquals(2, run.code());
    assertEquals("", run.out());
    assertEquals("Example: error: --epochs must be >= 1, got '-3'\n" + LINE.usage(), run.err());
  }

  @Test
  void runPrintsTheUsageForHelpAndReturnsZero() {
    Run run = Run.of((args, out, err) -> LINE.run(args, out, err, a -> 5), "--help");
    assertEquals(0, run.code());
    assertEquals(LINE.usage(), run.out());
    assertEquals("", run.err());
    assertTrue(LINE.usage().startsWith("usage: Example [flags]\nDoes an example.\n"));
    assertTrue(LINE.usage().contains("  --lr D"), LINE.usage());
  }

  @Test
  void runReturnsWhatTheProgramReturnsAndOneForAnIoError() {
    assertEquals(5, Run.of((args, out, err) -> LINE.run(args, out, err, a -> 5)).code());
    Run failed = Run.of((args, out, err) -> LINE.run(args, out, err, a -> {
      throw new IOException("disk full");
    }));
    assertEquals(1, failed.code());
    assertEquals("Example: error: java.io.IOException: disk full\n", failed.err());
  }
}
