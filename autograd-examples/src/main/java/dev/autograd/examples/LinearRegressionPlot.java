package dev.autograd.examples;

import dev.autograd.core.PythonFormat;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Draws demo 2's result as one PNG: the loss curve beside the data and the fitted line. */
final class LinearRegressionPlot {
  private LinearRegressionPlot() {}

  private static final int WIDTH = 600;
  private static final int HEIGHT = 420;

  /** Writes the two charts side by side to {@code file} as PNG, without needing a display. */
  static void write(LinearRegressionDemo.Result result, Path file) throws IOException {
    System.setProperty("java.awt.headless", "true");
    List<XYChart> charts = List.of(lossCurve(result.losses()), fit(result));
    try (OutputStream out = Files.newOutputStream(file)) {
      BitmapEncoder.saveBitmap(charts, 1, 2, out, BitmapFormat.PNG);
    }
  }

  /** Returns the chart of the MSE loss against the epoch, both axes logarithmic. */
  static XYChart lossCurve(double[] losses) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title("MSE loss per epoch").xAxisTitle("epoch (1 = first, log scale)")
        .yAxisTitle("MSE loss (log scale)").build();
    // Log-log: the first epochs' steep drop and the long slow tail both stay visible.
    chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true)
        .setLegendVisible(false).setMarkerSize(0);
    double[] epochs = new double[losses.length];
    for (int k = 0; k < losses.length; k++) {
      epochs[k] = k + 1;
    }
    XYSeries series = chart.addSeries("loss", epochs, losses);
    series.setMarker(SeriesMarkers.NONE);
    series.setLineColor(new Color(0x1f77b4));
    return chart;
  }

  /** Returns the chart of the 50 training points, the learned line and the target line. */
  static XYChart fit(LinearRegressionDemo.Result result) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title("Data and learned line").xAxisTitle("x").yAxisTitle("y").build();
    chart.getStyler().setLegendPosition(LegendPosition.InsideNW).setMarkerSize(6);
    chart.getStyler().setXAxisTickMarkSpacingHint(90);
    int n = ReferenceRegression.DATA_SIZE;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = ReferenceRegression.input(i);
      y[i] = ReferenceRegression.target(i);
    }
    XYSeries data = chart.addSeries("data: y = 2x + 10", x, y);
    data.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
    data.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(new Color(0x444444));
    double[] ends = {x[0], x[n - 1]};
    double[] learned = {line(result, ends[0]), line(result, ends[1])};
    XYSeries fitted = chart.addSeries("learned: y = " + PythonFormat.fixed(result.weight(), 3)
        + "x + " + PythonFormat.fixed(result.bias(), 3), ends, learned);
    fitted.setMarker(SeriesMarkers.NONE);
    fitted.setLineColor(new Color(0xd62728));
    return chart;
  }

  private static double line(LinearRegressionDemo.Result result, double x) {
    return result.weight() * x + result.bias();
  }
}
