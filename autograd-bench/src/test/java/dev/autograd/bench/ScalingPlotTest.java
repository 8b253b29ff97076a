package dev.autograd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ScalingPlot} reads JMH's JSON, takes medians and divides by the node counts. */
class ScalingPlotTest {
  @TempDir Path dir;

  private static String result(String benchmark, String params, String unit, String raw) {
    return "{\"benchmark\":\"dev.autograd.bench." + benchmark + "\",\"params\":{" + params
        + "},\"primaryMetric\":{\"score\":0,\"scoreUnit\":\"" + unit + "\",\"rawData\":" + raw
        + "},\"secondaryMetrics\":{\"gc.time\":{\"score\":7.0},"
        + "\"gc.alloc.rate.norm\":{\"score\":1002.0}}}";
  }

  @Test
  void readsMediansPerNodeAndTheBestBandwidth() throws Exception {
    Path scaling = dir.resolve("scaling.json");
    Files.writeString(scaling, "[" + result("ScalingBenchmark.eager",
        "\"shape\":\"chain\",\"size\":\"1000\"", "us/op", "[[3.0,1.0,2.0],[100.0]]") + ","
        + result("DeepChainBenchmark.eagerBackward", "\"depth\":\"10\"", "ms/op", "[[1.0]]") + "]");
    List<ScalingPlot.Point> points = ScalingPlot.scaling(scaling);
    assertEquals(1, points.size());
    ScalingPlot.Point p = points.get(0);
    assertEquals(1002, p.nodes());
    assertEquals(2500.0, p.nsPerOp(), 1e-9); // median of 1, 2, 3, 100 µs
    assertEquals(2500.0 / 1002, p.nsPerNode(), 1e-12);
    assertEquals(7.0, p.gcMillis(), 0.0);
    assertTrue(ScalingPlot.table(points, 10.0).contains("| eager | chain | 1,000 | 1,002 |"));

    Path bandwidth = dir.resolve("bandwidth.json");
    Files.writeString(bandwidth, "["
        + result("MemoryBandwidthBenchmark.sum", "\"size\":\"1000000\"", "ms/op", "[[1.0]]") + ","
        + result("MemoryBandwidthBenchmark.copy", "\"size\":\"1000000\"", "ms/op", "[[4.0]]") + "]");
    // sum: 8e6 B in 1e6 ns; copy: 16e6 B in 4e6 ns.
    assertEquals(8.0, ScalingPlot.bandwidth(bandwidth), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> ScalingPlot.bandwidth(scaling));

    Path png = dir.resolve("scaling.png");
    ScalingPlot.main(new String[] {png.toString(), scaling.toString(), bandwidth.toString()});
    assertTrue(Files.size(png) > 1000);
  }
}
