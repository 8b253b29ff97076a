package dev.autograd.examples;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a linear regression example's test rows ({@link RegressionTraining}): predicted against
 * actual target, as PNG or SVG after the file's extension. Rows whose prediction is not finite (a
 * diverged model) are left out and counted in the title.
 */
final class RegressionPlot {
  private RegressionPlot() {}

  private static final int WIDTH = 600;
  private static final int HEIGHT = 520;

  /**
   * Writes the chart of {@code result}, titled {@code title} with the target called {@code
   * quantity} on its axes, to {@code file}, as PNG or SVG after its extension.
   */
  static void write(RegressionTraining.Result result, String title, String quantity, Path file)
      throws IOException {
    XYChart chart = chart(title, quantity, result.testActual(), result.testPredicted(),
        result.testMse());
    Picture.write(file, WIDTH, HEIGHT, g -> chart.paint(g, WIDTH, HEIGHT));
  }

  /**
   * Returns the scatter of {@code predicted} against {@code actual} with the line y = x, titled
   * {@code "<title> test rows: predicted vs actual (MSE <mse>)"}, its axes {@code "actual
   * <quantity>"} and {@code "predicted <quantity>"}.
   */
  static XYChart chart(String title, String quantity, double[] allActual, double[] allPredicted,
      double testMse) {
    int finite = 0;
    for (int i = 0; i < allActual.length; i++) {
      finite += Double.isFinite(allActual[i]) && Double.isFinite(allPredicted[i]) ? 1 : 0;
    }
    double[] actual = new double[finite];
    double[] predicted = new double[finite];
    for (int i = 0, j = 0; i < allActual.length; i++) {
      if (Double.isFinite(allActual[i]) && Double.isFinite(allPredicted[i])) {
        actual[j] = allActual[i];
        predicted[j++] = allPredicted[i];
      }
    }
    int left = allActual.length - finite;
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title(left == 0
            ? String.format(Locale.ROOT, "%s test rows: predicted vs actual (MSE %.4g)", title,
                testMse)
            : String.format(Locale.ROOT, "%s: %d of %d test rows not finite, not drawn", title,
                left, allActual.length))
        .xAxisTitle("actual " + quantity).yAxisTitle("predicted " + quantity).build();
    chart.getStyler().setLegendPosition(LegendPosition.InsideNW).setMarkerSize(6);
    if (finite > 0) {
      XYSeries points = chart.addSeries("test row", actual, predicted);
      points.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
      points.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(new Color(0x1f77b4));
    }
    double low = finite > 0 ? Math.min(min(actual), min(predicted)) : 0;
    double high = finite > 0 ? Math.max(max(actual), max(predicted)) : 1;
    XYSeries diagonal = chart.addSeries("perfect prediction", new double[] {low, high},
        new double[] {low, high});
    diagonal.setMarker(SeriesMarkers.NONE);
    diagonal.setLineColor(new Color(0xd62728));
    return chart;
  }

  private static double min(double[] values) {
    double m = Double.POSITIVE_INFINITY;
    for (double v : values) {
      m = Math.min(m, v);
    }
    return m;
  }

  private static double max(double[] values) {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      m = Math.max(m, v);
    }
    return m;
  }
}
