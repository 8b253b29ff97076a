package dev.autograd.examples;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Draws {@link DiabetesRegression}'s test rows: predicted against actual progression, as PNG. */
final class DiabetesPlot {
  private DiabetesPlot() {}

  /** Writes the chart to {@code file} as PNG, without needing a display. */
  static void write(DiabetesRegression.Result result, Path file) throws IOException {
    System.setProperty("java.awt.headless", "true");
    try (OutputStream out = Files.newOutputStream(file)) {
      BitmapEncoder.saveBitmap(chart(result.testActual(), result.testPredicted(),
          result.testMse()), out, BitmapFormat.PNG);
    }
  }

  /** Returns the scatter of {@code predicted} against {@code actual} with the line y = x. */
  static XYChart chart(double[] actual, double[] predicted, double testMse) {
    XYChart chart = new XYChartBuilder().width(600).height(520)
        .title(String.format(Locale.ROOT, "Diabetes test rows: predicted vs actual (MSE %.0f)",
            testMse))
        .xAxisTitle("actual progression").yAxisTitle("predicted progression").build();
    chart.getStyler().setLegendPosition(LegendPosition.InsideNW).setMarkerSize(6);
    XYSeries points = chart.addSeries("test row", actual, predicted);
    points.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
    points.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(new Color(0x1f77b4));
    double low = Math.min(min(actual), min(predicted));
    double high = Math.max(max(actual), max(predicted));
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
