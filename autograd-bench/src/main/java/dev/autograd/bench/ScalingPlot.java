package dev.autograd.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.autograd.jit.GeneratedGraph;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws issue 14's picture from JMH JSON results: nanoseconds per node against graph size (log
 * scales), one line per engine ({@code eager}, {@code compiled}, {@code generated}) and shape
 * ({@link ScalingBenchmark}), with the memory-bandwidth ceilings measured by {@link
 * MemoryBandwidthBenchmark}: the time per node that moving {@value #COMPILED_BYTES_PER_NODE} bytes
 * (a compiled forward and backward replay) or {@value #EAGER_BYTES_PER_NODE} bytes (an eager node
 * written when built and read back by {@code backward()}) takes at the best measured bandwidth.
 * Also prints the figures as a markdown table. Scores are medians of the measured iterations.
 *
 * <p>Bytes per node: a compiled replay streams its record's two input-slot arrays once forward
 * and once backward (2 × 8 B), writes and reads each node's data (2 × 8 B) and zeroes and reads
 * its grad (2 × 8 B): 48 B. An eager node is 56 B, written when built and read by the backward
 * pass: 112 B.
 *
 * <p>Run: {@code java -cp autograd-bench/target/benchmarks.jar dev.autograd.bench.ScalingPlot
 * OUT.png SCALING.json BANDWIDTH.json}; a wrong command line prints one error line and the usage
 * and exits with status 2.
 */
public final class ScalingPlot {
  /** Bytes a compiled forward and backward replay moves per node (see the class comment). */
  static final int COMPILED_BYTES_PER_NODE = 48;

  /** Bytes an eager node costs in memory traffic: written when built, read by backward. */
  static final int EAGER_BYTES_PER_NODE = 112;

  private static final String USAGE =
      "usage: java -cp benchmarks.jar dev.autograd.bench.ScalingPlot OUT.png SCALING.json"
          + " BANDWIDTH.json";

  private ScalingPlot() {}

  /** One {@link ScalingBenchmark} result: an engine on one graph. */
  record Point(String engine, String shape, int size, long nodes, double nsPerOp,
      double gcMillis, double bytesPerOp) {
    double nsPerNode() {
      return nsPerOp / nodes;
    }
  }

  /** Reads the results, prints the table and writes the picture to {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 3 || !args[0].endsWith(".png")) {
      System.err.println("error: expected OUT.png SCALING.json BANDWIDTH.json, got "
          + Arrays.toString(args));
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    List<Point> points = scaling(Path.of(args[1]));
    double bytesPerNs = bandwidth(Path.of(args[2]));
    System.out.print(table(points, bytesPerNs));
    // XChart writes over an existing file without truncating it: a shorter picture would keep
    // the old one's tail after its end.
    Files.deleteIfExists(Path.of(args[0]));
    BitmapEncoder.saveBitmapWithDPI(
        chart(points, bytesPerNs), args[0], BitmapEncoder.BitmapFormat.PNG, 120);
  }

  /** Returns the {@link ScalingBenchmark} results in a JMH JSON file, in file order. */
  static List<Point> scaling(Path json) throws IOException {
    List<Point> points = new ArrayList<>();
    for (JsonElement e : read(json)) {
      JsonObject result = e.getAsJsonObject();
      String name = result.get("benchmark").getAsString();
      if (!name.contains(".ScalingBenchmark.")) {
        continue;
      }
      JsonObject params = result.getAsJsonObject("params");
      String shape = params.get("shape").getAsString();
      int size = params.get("size").getAsInt();
      JsonObject secondary = result.getAsJsonObject("secondaryMetrics");
      points.add(new Point(name.substring(name.lastIndexOf('.') + 1), shape, size,
          ScalingBenchmark.nodes(shape, size), medianNanos(result.getAsJsonObject("primaryMetric")),
          secondaryScore(secondary, "gc.time"), secondaryScore(secondary, "gc.alloc.rate.norm")));
    }
    return points;
  }

  /**
   * Returns the best bandwidth, in bytes per nanosecond (GB/s), of the {@link
   * MemoryBandwidthBenchmark} results in a JMH JSON file: {@code sum} reads {@code 8 size} bytes
   * per operation, {@code copy} moves {@code 16 size}.
   *
   * @throws IllegalArgumentException if the file holds no such result
   */
  static double bandwidth(Path json) throws IOException {
    double best = 0;
    for (JsonElement e : read(json)) {
      JsonObject result = e.getAsJsonObject();
      String name = result.get("benchmark").getAsString();
      if (!name.contains(".MemoryBandwidthBenchmark.")) {
        continue;
      }
      long size = result.getAsJsonObject("params").get("size").getAsLong();
      long bytes = (name.endsWith(".copy") ? 16 : 8) * size;
      best = Math.max(best, bytes / medianNanos(result.getAsJsonObject("primaryMetric")));
    }
    if (best == 0) {
      throw new IllegalArgumentException("no MemoryBandwidthBenchmark result in " + json);
    }
    return best;
  }

  private static JsonArray read(Path json) throws IOException {
    try (Reader reader = Files.newBufferedReader(json)) {
      return JsonParser.parseReader(reader).getAsJsonArray();
    }
  }

  /** Returns the median of a metric's iterations, in nanoseconds per operation. */
  static double medianNanos(JsonObject metric) {
    List<Double> scores = new ArrayList<>();
    for (JsonElement fork : metric.getAsJsonArray("rawData")) {
      for (JsonElement score : fork.getAsJsonArray()) {
        scores.add(score.getAsDouble());
      }
    }
    scores.sort(null);
    int n = scores.size();
    double median = n % 2 == 1 ? scores.get(n / 2) : (scores.get(n / 2 - 1) + scores.get(n / 2)) / 2;
    return median * nanosPer(metric.get("scoreUnit").getAsString());
  }

  private static double nanosPer(String unit) {
    switch (unit) {
      case "ns/op":
        return 1;
      case "us/op":
        return 1e3;
      case "ms/op":
        return 1e6;
      case "s/op":
        return 1e9;
      default:
        throw new IllegalArgumentException("unexpected JMH unit " + unit);
    }
  }

  private static double secondaryScore(JsonObject secondary, String name) {
    return secondary != null && secondary.has(name)
        ? secondary.getAsJsonObject(name).get("score").getAsDouble()
        : Double.NaN;
  }

  /** Returns the results as a markdown table, one row per engine and graph, and the ceilings. */
  static String table(List<Point> points, double bytesPerNs) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT,
        "bandwidth %.2f GB/s: ceilings %.2f ns/node (compiled, %d B) and %.2f ns/node (eager, %d B)%n%n",
        bytesPerNs, COMPILED_BYTES_PER_NODE / bytesPerNs, COMPILED_BYTES_PER_NODE,
        EAGER_BYTES_PER_NODE / bytesPerNs, EAGER_BYTES_PER_NODE));
    out.append("| engine | shape | size | nodes | median per pass | ns/node | B/node allocated | GC time in run |\n");
    out.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
    for (Point p : points) {
      out.append(String.format(Locale.ROOT, "| %s | %s | %,d | %,d | %s | %.2f | %.1f | %s |%n",
          p.engine(), p.shape(), p.size(), p.nodes(), duration(p.nsPerOp()), p.nsPerNode(),
          p.bytesPerOp() / p.nodes(), gc(p.gcMillis())));
    }
    return out.toString();
  }

  /** JMH reports no {@code gc.time} for a run without collections (or without {@code -prof gc}). */
  private static String gc(double millis) {
    return Double.isNaN(millis) ? "none" : String.format(Locale.ROOT, "%.0f ms", millis);
  }

  private static String duration(double ns) {
    if (ns >= 1e6) {
      return String.format(Locale.ROOT, "%,.1f ms", ns / 1e6);
    }
    return String.format(Locale.ROOT, "%,.1f µs", ns / 1e3);
  }

  /** Returns the chart: one series per engine and shape, and the two bandwidth ceilings. */
  static XYChart chart(List<Point> points, double bytesPerNs) {
    XYChart chart = new XYChartBuilder().width(800).height(700)
        .title("Time per node against graph size (forward + backward)")
        .xAxisTitle("nodes in the graph").yAxisTitle("ns per node").build();
    chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true).setMarkerSize(7)
        .setLegendPosition(Styler.LegendPosition.OutsideS).setLegendLayout(Styler.LegendLayout.Vertical);
    Color[] colors = {new Color(0xd62728), new Color(0x1f77b4), new Color(0x2ca02c)};
    String[] engines = {"eager", "compiled", "generated"}; // eagerBuild: in the table only
    double minNodes = Double.MAX_VALUE;
    double maxNodes = 0;
    double maxNsPerNode = Math.max(COMPILED_BYTES_PER_NODE, EAGER_BYTES_PER_NODE) / bytesPerNs;
    for (int k = 0; k < engines.length; k++) {
      for (String shape : new String[] {"chain", "mlp"}) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (Point p : points) {
          if (p.engine().equals(engines[k]) && p.shape().equals(shape)) {
            x.add((double) p.nodes());
            y.add(p.nsPerNode());
            minNodes = Math.min(minNodes, p.nodes());
            maxNodes = Math.max(maxNodes, p.nodes());
            maxNsPerNode = Math.max(maxNsPerNode, p.nsPerNode());
          }
        }
        if (x.isEmpty()) {
          continue;
        }
        String name = engines[k].equals("generated")
            ? "generated (interpreted above " + GeneratedGraph.DEFAULT_MAX_GENERATED_NODES
                + " interior nodes), " + shape
            : engines[k] + ", " + shape;
        XYSeries series = chart.addSeries(name, x, y);
        series.setLineColor(colors[k]);
        series.setMarkerColor(colors[k]);
        series.setMarker(shape.equals("chain") ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND);
        if (shape.equals("mlp")) {
          series.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
              10f, new float[] {8f, 4f}, 0f));
        }
      }
    }
    // A logarithmic axis labels only powers of ten: end it at the one above the highest point, so
    // that the figures have a labelled decade on each side (1 and 10, not 1 alone).
    chart.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(maxNsPerNode))));
    ceiling(chart, String.format(Locale.ROOT, "memory bandwidth, %d B/node (compiled)",
        COMPILED_BYTES_PER_NODE), COMPILED_BYTES_PER_NODE / bytesPerNs, minNodes, maxNodes);
    ceiling(chart, String.format(Locale.ROOT, "memory bandwidth, %d B/node (eager)",
        EAGER_BYTES_PER_NODE), EAGER_BYTES_PER_NODE / bytesPerNs, minNodes, maxNodes);
    return chart;
  }

  private static void ceiling(XYChart chart, String name, double nsPerNode, double from,
      double to) {
    XYSeries line = chart.addSeries(String.format(Locale.ROOT, "%s: %.2f ns", name, nsPerNode),
        new double[] {from, to}, new double[] {nsPerNode, nsPerNode});
    line.setMarker(SeriesMarkers.NONE);
    line.setLineColor(Color.GRAY);
    line.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
        new float[] {2f, 4f}, 0f));
  }
}
