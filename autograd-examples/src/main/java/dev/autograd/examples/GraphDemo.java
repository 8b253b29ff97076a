package dev.autograd.examples;

import dev.autograd.core.DotGraph;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Draws demo 1's graph {@code f = (x + y) * y} (after {@code backward()}) as Graphviz DOT text, and
 * as SVG when Graphviz's {@code dot} program is on the {@code PATH}; without it, prints the command
 * that would render the DOT file.
 */
@Command(name = "graph", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
    description = "Writes demo 1's graph f = (x + y) * y as Graphviz DOT, and as SVG when 'dot' is"
        + " installed.")
public final class GraphDemo implements Callable<Integer> {
  static final Path DEFAULT_OUT = Path.of("target", "demo1.dot");

  @Option(names = "--out", paramLabel = "FILE.dot", converter = Cli.OutputFile.class,
      description = "where to write the DOT text (default target/demo1.dot, directory created)")
  private Path out;

  @Spec private CommandSpec spec;

  /** Where to look for Graphviz's {@code dot}: a {@code PATH}-style list of directories. */
  private final String path;

  /** Returns the graph drawing as a command that looks for {@code dot} on the {@code PATH}. */
  public GraphDemo() {
    this(System.getenv("PATH"));
  }

  private GraphDemo(String path) {
    this.path = path;
  }

  /** Runs {@link #run(String[], PrintStream, PrintStream)} and exits with its code if non-zero. */
  public static void main(String[] args) {
    Cli.exitOnFailure(run(args, System.out, System.err));
  }

  /**
   * Writes the DOT file (and the SVG when {@code dot} is on the {@code PATH}), reporting on {@code
   * out}; returns the exit code: 0 on success, 2 for a bad command line, 1 if a file cannot be
   * written or {@code dot} fails.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, System.getenv("PATH"));
  }

  /**
   * Runs like {@link #run(String[], PrintStream, PrintStream)}, looking for {@code dot} only in the
   * directories of {@code path} (a {@code PATH}-style list).
   */
  static int run(String[] args, PrintStream out, PrintStream err, String path) {
    return Cli.execute(new GraphDemo(path), args, out, err);
  }

  /** Writes the DOT file (and the SVG when {@code dot} is found); returns the exit code. */
  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path dotFile = this.out;
    if (dotFile == null) {
      dotFile = DEFAULT_OUT.toAbsolutePath();
      Files.createDirectories(dotFile.getParent());
    }
    ScalarDemo.Graph graph = ScalarDemo.differentiated();
    OutputFiles.writeString(dotFile, DotGraph.render(graph.f()));
    out.println("Wrote " + dotFile);
    Path svgFile = siblingSvg(dotFile);
    Path dot = findOnPath("dot", path);
    if (dot == null) {
      out.println("Graphviz 'dot' is not on the PATH; to draw the graph install Graphviz and "
          + "run: dot -Tsvg " + dotFile + " -o " + svgFile);
      return 0;
    }
    return renderSvg(dot, dotFile, svgFile, out, err);
  }

  private int renderSvg(Path dot, Path dotFile, Path svgFile, PrintWriter out,
      PrintWriter err) throws IOException {
    Process process = new ProcessBuilder(dot.toString(), "-Tsvg", dotFile.toString(), "-o",
        svgFile.toString()).redirectErrorStream(true).start();
    String messages = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit;
    try {
      exit = process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for " + dot, e);
    }
    if (exit != 0) {
      err.println(spec.qualifiedName() + ": error: " + dot + " exited with " + exit + ": "
          + messages.strip());
      return Cli.RUN_ERROR;
    }
    out.println("Wrote " + svgFile);
    return 0;
  }

  /** Returns {@code file.svg} for {@code file.dot}, else the name with {@code .svg} appended. */
  static Path siblingSvg(Path dotFile) {
    String name = dotFile.getFileName().toString();
    String stem = name.endsWith(".dot") ? name.substring(0, name.length() - 4) : name;
    return dotFile.resolveSibling(stem + ".svg");
  }

  /** Returns the executable {@code program} in a directory of {@code path}, or {@code null}. */
  static Path findOnPath(String program, String path) {
    if (path == null || path.isEmpty()) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      for (String name : List.of(program, program + ".exe")) {
        Path candidate;
        try {
          candidate = Path.of(dir, name);
        } catch (InvalidPathException e) {
          continue; // a malformed PATH entry holds no program
        }
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    return null;
  }
}
