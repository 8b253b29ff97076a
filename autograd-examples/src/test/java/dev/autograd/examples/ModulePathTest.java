package dev.autograd.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The library modules are real JPMS modules: a demo runs with them on the module path (and only
 * there), and each exports exactly its one API package.
 */
class ModulePathTest {
  /** Class-path entries that are library modules or the modules they require. */
  private static final Pattern MODULE = Pattern.compile(
      ".*(autograd-(core|nn|optim|data)[/\\\\-]|guava-|failureaccess-|progressbar-|jline-"
          + "|commons-csv-|commons-io-|commons-codec-).*");

  private static final List<String> LIBRARIES =
      List.of("dev.autograd.core", "dev.autograd.nn", "dev.autograd.optim", "dev.autograd.data");

  static List<String> entries(boolean modules) {
    List<String> selected = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (MODULE.matcher(entry).matches() == modules) {
        selected.add(entry);
      }
    }
    return selected;
  }

  private static Run java(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).start();
    byte[] err = process.getErrorStream().readAllBytes();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "timed out: " + command);
    return new Run(process.exitValue(), out.replace(System.lineSeparator(), "\n"),
        new String(err, StandardCharsets.UTF_8));
  }

  private static String modulePath() {
    return String.join(File.pathSeparator, entries(true));
  }

  @Test
  void theDemosRunWithTheLibrariesOnTheModulePath() throws Exception {
    assertTrue(entries(true).stream().filter(e -> e.contains("autograd-")).count() >= 4,
        "library modules on the test class path: " + entries(true));
    Run run = java("--module-path", modulePath(), "--add-modules", String.join(",", LIBRARIES),
        "-cp", String.join(File.pathSeparator, entries(false)),
        Demos.class.getName(), "--w0", "0.25", "--b0", "-0.5");
    assertEquals(0, run.code(), run.err());
    assertEquals(Run.resource("reference-w0_0.25-b0_-0.5.txt"), run.out());
  }

  @Test
  void eachLibraryModuleExportsExactlyItsApiPackage() throws Exception {
    for (String module : LIBRARIES) {
      Run run = java("--module-path", modulePath(), "--describe-module", module);
      assertEquals(0, run.code(), run.err());
      List<String> exports = run.out().lines().filter(l -> l.startsWith("exports ")).toList();
      assertEquals(List.of("exports " + module), exports, run.out());
    }
  }
}
