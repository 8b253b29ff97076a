package dev.autograd.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autograd.core.DotGraph;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphDemoTest {

  @TempDir Path dir;

  /** Runs GraphDemo looking for {@code dot} only in the directories of {@code path}. */
  private static Run runWithPath(String path, String... args) {
    return Run.of((a, out, err) -> GraphDemo.run(a, out, err, path), args);
  }

  /** Returns a directory holding a stand-in {@code dot}: a POSIX shell script with {@code body}. */
  private Path binWithFakeDot(String body) throws IOException {
    assumeTrue(File.separatorChar == '/', "the stand-in 'dot' is a POSIX shell script");
    Path bin = Files.createDirectory(dir.resolve("bin"));
    Path fakeDot = bin.resolve("dot");
    Files.writeString(fakeDot, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(fakeDot, PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin;
  }

  @Test
  void writesDemoOnesGraphAsDotAndPrintsAHintWhenGraphvizIsMissing() throws IOException {
    Path dot = dir.resolve("demo1.dot");
    Run run = runWithPath("", "--out", dot.toString());
    assertEquals(0, run.code(), run.err());
    String text = Files.readString(dot);
    assertEquals(DotGraph.render(ScalarDemo.differentiated().f()), text);
    assertTrue(text.contains("{ x | data -2.0000 | grad 5.0000 }"), text);
    assertTrue(text.contains("{ y | data 5.0000 | grad 8.0000 }"), text);
    String[] lines = run.out().strip().split("\n");
    assertEquals(2, lines.length, run.out());
    assertTrue(lines[1].startsWith("Graphviz 'dot' is not on the PATH"), lines[1]);
    assertTrue(lines[1].contains("dot -Tsvg " + dot + " -o " + dir.resolve("demo1.svg")), lines[1]);
    assertFalse(Files.exists(dir.resolve("demo1.svg")));
  }

  @Test
  void rendersTheSvgWithTheDotProgramFoundOnThePath() throws IOException {
    // Stands in for Graphviz: writes its arguments to the file after -o.
    Path bin = binWithFakeDot("echo \"$@\" > \"$4\"");
    Path dot = dir.resolve("graph.dot");
    Run run = runWithPath("/nonexistent" + File.pathSeparator + bin, "--out", dot.toString());
    assertEquals(0, run.code(), run.err());
    Path svg = dir.resolve("graph.svg");
    assertEquals("-Tsvg " + dot + " -o " + svg, Files.readString(svg).strip());
    assertTrue(run.out().contains("Wrote " + svg), run.out());
  }

  @Test
  void reportsAFailingDotProgramWithExitCodeOne() throws IOException {
    Path bin = binWithFakeDot("echo 'syntax error in line 1' >&2\nexit 3");
    Run run = runWithPath(bin.toString(), "--out", dir.resolve("g.dot").toString());
    assertEquals(1, run.code());
    assertTrue(run.err().contains("exited with 3: syntax error in line 1"), run.err());
  }

  @Test
  void rejectsAnOutputFileInADirectoryThatDoesNotExist() {
    Path missing = dir.resolve("no-such-dir").resolve("g.dot");
    runWithPath("", "--out", missing.toString()).assertRejected(Cli.usage(new GraphDemo()),
        "GraphDemo: error: --out cannot write '" + missing + "'");
  }

  @Test
  void helpPrintsTheUsageAndExitsZero() {
    runWithPath("", "--help").assertPrintedHelp(Cli.usage(new GraphDemo()));
  }

  @Test
  void namesTheSvgAfterTheDotFile() {
    assertEquals(Path.of("a", "b.svg"), GraphDemo.siblingSvg(Path.of("a", "b.dot")));
    assertEquals(Path.of("a", "b.gv.svg"), GraphDemo.siblingSvg(Path.of("a", "b.gv")));
  }
}
