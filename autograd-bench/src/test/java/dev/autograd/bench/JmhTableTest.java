package dev.autograd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autograd.core.CompiledGraph;
import dev.autograd.core.Value;
import dev.autograd.examples.ReferenceRegression;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jmh-table.py} divides each benchmark's bytes per operation by the nodes that operation
 * works on: here those node counts come from the benchmarks' own graphs, built as their set-up
 * builds them, and the script must divide by exactly them.
 */
class JmhTableTest {
  /** Bytes per node of every synthetic result: the script must print this B/node for each row. */
  private static final int BYTES_PER_NODE = 10;

  /** Benchmark name and parameters (as JMH writes them) to the nodes counted here. */
  private final Map<String, Integer> expected = new LinkedHashMap<>();

  private void expect(String benchmark, String params, int nodes) {
    expected.put(benchmark + "|" + params, nodes);
  }

  /** Returns the nodes of {@code fresh} not already in {@code built}: those a rebuild creates. */
  private static int created(Value fresh, Value built) {
    Set<Value> made = MlpStepTest.reachableSet(fresh);
    made.removeAll(MlpStepTest.reachableSet(built));
    return made.size();
  }

  private void graphBenchmark(String name, String params, GraphBenchmark b) {
    b.setUp();
    int created = created(b.build(), b.graph);
    expect(name + ".eagerForward", params, created);
    expect(name + ".eagerForwardBackward", params, created);
    expect(name + ".eagerBackward", params, MlpStepTest.reachable(b.graph));
    expect(name + ".compiledForward", params, b.compiled.size());
    expect(name + ".compiledBackward", params, b.compiled.size());
    expect(name + ".compiledForwardBackward", params, b.compiled.size());
  }

  private void countEveryBenchmarkWithNodes() {
    for (String alpha : List.of("0", "1e-4")) {
      MlpStepBenchmark mlp = new MlpStepBenchmark();
      mlp.alpha = Double.parseDouble(alpha);
      graphBenchmark("MlpStepBenchmark", "alpha=" + alpha, mlp);
      String params = "alpha=" + alpha;
      expect("MlpStepBenchmark.eagerStep", params, created(mlp.build(), mlp.graph));
      expect("MlpStepBenchmark.compiledStep", params, mlp.compiled.size());
      expect("MlpStepBenchmark.generatedStep", params, mlp.compiled.size());
    }
    DeepChainBenchmark chain = new DeepChainBenchmark();
    chain.depth = 1000;
    graphBenchmark("DeepChainBenchmark", "depth=1000", chain);
    WideSumBenchmark sum = new WideSumBenchmark();
    sum.size = 1000;
    graphBenchmark("WideSumBenchmark", "size=1000", sum);
    expect("NaiveDeepChainBenchmark.eagerForwardBackward", "depth=1000", 1000);
    ReferenceRegression demoTwo = new ReferenceRegression(0.25, -0.5);
    Value loss = demoTwo.loss();
    expect("DemoTwoStepBenchmark.eager", "", created(demoTwo.loss(), loss));
    expect("DemoTwoStepBenchmark.compiled", "", CompiledGraph.compile(loss).size());
    expect("DemoTwoStepBenchmark.generated", "", CompiledGraph.compile(loss).size());
  }

  private String json() {
    List<String> entries = new ArrayList<>();
    for (Map.Entry<String, Integer> e : expected.entrySet()) {
      String[] key = e.getKey().split("\\|", -1);
      String params = key[1].isEmpty() ? "" : ", \"params\": {\"" + key[1].replace("=", "\": \"")
          + "\"}";
      entries.add("{\"benchmark\": \"dev.autograd.bench." + key[0] + "\"" + params
          + ", \"primaryMetric\": {\"scoreUnit\": \"us/op\", \"rawData\": [[1.0]]}"
          + ", \"secondaryMetrics\": {\"gc.alloc.rate.norm\": {\"rawData\": [["
          + (long) e.getValue() * BYTES_PER_NODE + "]]}}}");
    }
    return "[" + String.join(",\n", entries) + "]";
  }

  @Test
  void bytesPerNodeDividesByTheNodesOfTheBenchmarksOwnGraphs(@TempDir Path dir)
      throws IOException, InterruptedException {
    countEveryBenchmarkWithNodes();
    Path results = dir.resolve("results.json");
    Files.writeString(results, json());
    Process python;
    try {
      python = new ProcessBuilder("python3", "jmh-table.py", results.toString())
          .redirectErrorStream(true).start();
    } catch (IOException e) {
      assumeTrue(false, "python3 is not installed: " + e.getMessage());
      return;
    }
    String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(python.waitFor(60, TimeUnit.SECONDS), "jmh-table.py timed out");
    assertEquals(0, python.exitValue(), out);
    Map<String, String> perNode = new LinkedHashMap<>();
    for (String line : out.lines().toList()) {
      String[] cells = line.split("\\|");
      if (cells.length == 7 && cells[1].contains("Benchmark.")) {
        perNode.put(cells[1].trim() + "|" + cells[2].trim(), cells[6].trim());
      }
    }
    Map<String, String> wanted = new LinkedHashMap<>();
    expected.forEach((key, nodes) -> wanted.put(key, String.valueOf(BYTES_PER_NODE)));
    assertEquals(wanted, perNode, "B/node by benchmark; nodes counted here: " + expected);
  }
}
