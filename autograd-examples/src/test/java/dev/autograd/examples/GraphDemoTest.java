package dev.autograd.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autograd.core.DotGraph;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphDemoTest {

  @TempDir Path dir;

  private Run runWithPath(String path, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = GraphDemo.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), path);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void writesDemoOnesGraphAsDotAndPrintsAHintWhenGraphvizIsMissing() throws IOException {
    Path dot = dir.resolve("demo1.dot");
    Run run = runWithPath("", "--out", dot.toString());
    assertEquals(0, run.code(), run.err());
    assertEquals(DotGraph.render(ScalarDemo.differentiated().f()), Files.readString(dot));
    assertTrue(Files.readString(dot).contains("{ x | data -2.0000 | grad 5.0000 }"));
    assertTrue(Files.readString(dot).contains("{ y | data 5.0000 | grad 8.0000 }"));
    String[] lines = run.out().strip().split("\\R");
    assertEquals(2, lines.length, run.out());
    assertTrue(lines[1].startsWith("Graphviz 'dot' is not on the PATH"), lines[1]);
    assertTrue(lines[1].contains("dot -Tsvg " + dot + " -o " + dir.resolve("demo1.svg")), lines[1]);
    assertFalse(Files.exists(dir.resolve("demo1.svg")));
  }

  @Test
  void rendersTheSvgWithTheDotProgramFoundOnThePath() throws IOException {
    assumeTrue(File.separatorChar == '/', "the stand-in 'dot' is a POSIX shell script");
    Path bin = Files.createDirectory(dir.resolve("bin"));
    Path fakeDot = bin.resolve("dot");
    // Stands in for Graphviz: writes its arguments to the file after -o.
    Files.writeString(fakeDot, "#!/bin/sh\necho \"$@\" > \"$4\"\n");
    Files.setPosixFilePermissions(fakeDot, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path dot = dir.resolve("graph.dot");
    Run run = runWithPath("/nonexistent" + File.pathSeparator + bin, "--out", dot.toString());
    assertEquals(0, run.code(), run.err());
    Path svg = dir.resolve("graph.svg");
    assertEquals("-Tsvg " + dot + " -o " + svg, Files.readString(svg).strip());
    assertTrue(run.out().contains("Wrote " + svg), run.out());
  }

  @Test
  void reportsAFailingDotProgramWithExitCodeOne() throws IOException {
    assumeTrue(File.separatorChar == '/', "the stand-in 'dot' is a POSIX shell script");
    Path bin = Files.createDirectory(dir.resolve("bin"));
    Path fakeDot = bin.resolve("dot");
    Files.writeString(fakeDot, "#!/bin/sh\necho 'syntax error in line 1' >&2\nexit 3\n");
    Files.setPosixFilePermissions(fakeDot, PosixFilePermissions.fromString("rwxr-xr-x"));
    Run run = runWithPath(bin.toString(), "--out", dir.resolve("g.dot").toString());
    assertEquals(1, run.code());
    assertTrue(run.err().contains("exited with 3: syntax error in line 1"), run.err());
  }

  @Test
  void rejectsAnOutputFileInADirectoryThatDoesNotExist() {
    Path missing = dir.resolve("no-such-dir").resolve("g.dot");
    Run run = runWithPath("", "--out", missing.toString());
    assertEquals(2, run.code());
    assertEquals("", run.out());
    assertTrue(run.err().startsWith("GraphDemo: error: --out cannot write '" + missing + "'"),
        run.err());
    assertTrue(run.err().contains("usage: GraphDemo"), run.err());
  }

  @Test
  void namesTheSvgAfterTheDotFile() {
    assertEquals(Path.of("a", "b.svg"), GraphDemo.siblingSvg(Path.of("a", "b.dot")));
    assertEquals(Path.of("a", "b.gv.svg"), GraphDemo.siblingSvg(Path.of("a", "b.gv")));
  }
}
