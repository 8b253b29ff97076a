package dev.autograd.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The JShell start-up file the README documents ({@code scripts/autograd.jsh}): with the library
 * on the class path, a script piped into {@code jshell} builds demo 1's graph without any import
 * and prints its backward trace and its tree.
 */
class JShellTest {

  @Test
  void aScriptPipedIntoJShellDrawsAndTracesDemoOne() throws Exception {
    Path startup = Path.of("").toAbsolutePath().getParent().resolve("scripts/autograd.jsh");
    assertTrue(Files.isRegularFile(startup), startup.toString());
    Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
    // The library and what it needs, as the runnable jar holds them; both of jshell's JVMs (its
    // own and the one running the snippets) compile with C1 only: the test starts in seconds.
    String classPath = String.join(java.io.File.pathSeparator, ModulePathTest.entries(true));
    Process process = new ProcessBuilder(List.of(jshell.toString(), "-q",
        "-J-XX:TieredStopAtLevel=1", "-R-XX:TieredStopAtLevel=1", "--class-path", classPath, "--startup", "DEFAULT",
        "--startup", startup.toString())).redirectErrorStream(true).start();
    try (OutputStream in = process.getOutputStream()) {
      in.write(String.join("\n",
          "Value x = Value.of(-2.0, \"x\");",
          "Value y = Value.of(5.0, \"y\");",
          "Value f = x.add(y).mul(y);",
          "trace(f);",
          "draw(f);",
          "/exit", "").getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), out);
    assertEquals(0, process.exitValue(), out);
    assertTrue(out.contains("   4  n2       +          y                     1.0000         5.0000"
        + "         5.0000         8.0000"), out);
    assertTrue(out.contains("n3 = *  data 15.0000  grad 1.0000\n"
        + "├── n2 = +  data 3.0000  grad 5.0000\n"), out);
    assertTrue(!out.contains("Error") && !out.contains("cannot find symbol"), out);
  }
}
