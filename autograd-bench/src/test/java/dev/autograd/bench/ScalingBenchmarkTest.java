package dev.autograd.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autograd.core.CompiledGraph;
import dev.autograd.core.Value;
import dev.autograd.jit.GeneratedGraph;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Fork;

/** What {@link ScalingBenchmark} and {@link MemoryBandwidthBenchmark} compute, at small sizes. */
class ScalingBenchmarkTest {

  private static ScalingBenchmark benchmark(String shape, int size) {
    ScalingBenchmark benchmark = new ScalingBenchmark();
    benchmark.shape = shape;
    benchmark.size = size;
    benchmark.setUp();
    return benchmark;
  }

  @Test
  void forkFixesAndPreTouchesTheHeap() {
    // Without them a 10^7-node pass measures the kernel's page faults as the heap grows into new
    // memory (results-2026-11-30-pretouch.md), not the engine.
    List<String> args = Arrays.asList(ScalingBenchmark.class.getAnnotation(Fork.class).jvmArgsAppend());
    assertTrue(args.contains("-XX:+AlwaysPreTouch"), args.toString());
    String xms = args.stream().filter(a -> a.startsWith("-Xms")).findFirst().orElse("none");
    String xmx = args.stream().filter(a -> a.startsWith("-Xmx")).findFirst().orElse("none");
    assertEquals(xmx.substring(4), xms.substring(4), args.toString());
  }

  @Test
  void eagerChainGivesEachOfItsMultiplicationsGradientToW() {
    // y = 0.5 * 1^1000: each of the 1000 multiplications sends dy/dw = 0.5.
    assertEquals(500.0, benchmark("chain", 1000).eager(), 0.0);
  }

  @Test
  void eagerBuildBuildsTheChainWithoutDifferentiating() {
    ScalingBenchmark benchmark = benchmark("chain", 1000);
    Value y = benchmark.eagerBuild();
    assertEquals(0.5, y.data(), 0.0);
    assertEquals(1002, CompiledGraph.compile(y).size());
    assertEquals(0.0, benchmark.graphs.probe.grad(), 0.0);
  }

  @Test
  void eagerBackwardDifferentiatesTheFreshGraph() {
    ScalingBenchmark benchmark = benchmark("chain", 1000);
    ScalingBenchmark.Fresh fresh = new ScalingBenchmark.Fresh();
    fresh.setUp(benchmark);
    assertEquals(500.0, benchmark.eagerBackward(fresh), 0.0);
  }

  @Test
  void compiledAndGeneratedReplaysMatchEagerBitForBit() {
    for (String shape : new String[] {"chain", "mlp"}) {
      ScalingBenchmark benchmark = benchmark(shape, 2000);
      Value loss = benchmark.graphs.build();
      loss.backward();
      double eagerGrad = benchmark.graphs.probe.grad();
      ScalingBenchmark.Compiled compiled = new ScalingBenchmark.Compiled();
      compiled.setUp(benchmark);
      benchmark.graphs.probe.setGrad(Double.NaN);
      assertEquals(loss.data(), benchmark.compiled(compiled), 0.0, shape);
      assertEquals(eagerGrad, benchmark.graphs.probe.grad(), 0.0, shape);
      ScalingBenchmark.Generated generated = new ScalingBenchmark.Generated();
      generated.setUp(benchmark);
      assertTrue(generated.graph.isGenerated(), shape + " is below the generation limit");
      benchmark.graphs.probe.setGrad(Double.NaN);
      assertEquals(loss.data(), benchmark.generated(generated), 0.0, shape);
      assertEquals(eagerGrad, benchmark.graphs.probe.grad(), 0.0, shape);
    }
  }

  @Test
  void generatedFallsBackToTheInterpreterAboveTheLimit() {
    ScalingBenchmark.Generated generated = new ScalingBenchmark.Generated();
    generated.setUp(benchmark("chain", GeneratedGraph.DEFAULT_MAX_GENERATED_NODES + 1));
    assertFalse(generated.graph.isGenerated());
  }

  @Test
  void nodesCountsWhatTheRecordHolds() {
    for (String shape : new String[] {"chain", "mlp"}) {
      for (int size : new int[] {1, 1000, 3 * ScalingBenchmark.NODES_PER_POINT + 5}) {
        ScalingBenchmark benchmark = benchmark(shape, size);
        int recorded = CompiledGraph.compile(benchmark.graphs.build()).size();
        assertEquals(recorded, ScalingBenchmark.nodes(shape, size), shape + " " + size);
      }
    }
  }

  @Test
  void unknownShapeOrSizeBelowOneIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> ScalingBenchmark.nodes("tree", 10));
    assertThrows(IllegalArgumentException.class, () -> ScalingBenchmark.nodes("chain", 0));
  }

  @Test
  void bandwidthBenchmarkSumsAndCopiesTheWholeArray() {
    MemoryBandwidthBenchmark bandwidth = new MemoryBandwidthBenchmark();
    bandwidth.size = 1003;
    bandwidth.setUp();
    assertEquals(1002.0 * 1003 / 2, bandwidth.sum(), 0.0);
    assertArrayEquals(bandwidth.source, bandwidth.copy(), 0.0);
  }
}
