package dev.autograd.examples;

import dev.autograd.optim.ConfusionMatrix;
import dev.autograd.optim.History;
import java.awt.Color;
import java.awt.Graphics2D;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a classifier's results as PNG or SVG pictures (after the file's extension), without
 * needing a display: its test confusion
 * matrix and its learning curves. The examples hand over what to draw.
 */
final class ClassifierPlots {
  private ClassifierPlots() {}

  /**
   * Writes the confusion matrix as a heat map with the count in each cell, true classes down,
   * predicted classes across, each named by {@code classNames}.
   */
  static void confusion(ConfusionMatrix confusion, List<String> classNames, String what, Path file)
      throws IOException {
    int k = confusion.classes();
    HeatMapChart chart = new HeatMapChartBuilder().width(640).height(560)
        .title(String.format(Locale.ROOT, "%s test confusion matrix (accuracy %.2f%%)", what,
            100 * confusion.accuracy()))
        .xAxisTitle("predicted class").yAxisTitle("true class").build();
    chart.getStyler().setShowValue(true);
    chart.getStyler().setPlotContentSize(1.0);
    chart.getStyler().setLegendVisible(false);
    // Blues light enough at the top that the black counts stay legible on the fullest cells.
    chart.getStyler().setRangeColors(new Color[] {Color.WHITE, new Color(0xc6dbef),
        new Color(0x6baed6)});
    chart.getStyler().setValueFontColor(Color.BLACK);
    // Cells {x, y, count}: x the predicted class, y counted from the bottom (true class 0 on top).
    List<String> trueAxis = new ArrayList<>(classNames);
    Collections.reverse(trueAxis);
    List<Number[]> heat = new ArrayList<>(k * k);
    for (int actual = 0; actual < k; actual++) {
      for (int predicted = 0; predicted < k; predicted++) {
        heat.add(new Number[] {predicted, k - 1 - actual, confusion.count(actual, predicted)});
      }
    }
    chart.addSeries("count", classNames, trueAxis, heat);
    save(chart, file);
  }

  /** Writes the mean training loss and the test accuracy per epoch, side by side. */
  static void history(History history, Path file) throws IOException {
    double[] epochs = new double[history.size()];
    for (int e = 0; e < epochs.length; e++) {
      epochs[e] = e + 1;
    }
    XYChart loss = lossChart(history.loss());
    double[] accuracy = history.metric("test accuracy");
    double[] percent = new double[accuracy.length];
    for (int e = 0; e < percent.length; e++) {
      percent[e] = 100 * accuracy[e];
    }
    XYChart test = line("Test accuracy per epoch", "accuracy (%)", epochs, percent,
        new Color(0x2ca02c));
    grid(file, List.of(loss, test), 2, 520, 400);
  }

  /**
   * Returns the chart of the mean training loss per epoch; its title names the first epoch whose
   * loss is not finite (XChart leaves such points out of the line).
   */
  static XYChart lossChart(double[] losses) {
    double[] epochs = new double[losses.length];
    for (int e = 0; e < epochs.length; e++) {
      epochs[e] = e + 1;
    }
    int divergedAt = Cli.firstNonFinite(losses);
    String title = "Mean training loss per epoch"
        + (divergedAt == 0 ? "" : " (diverged at epoch " + divergedAt + ")");
    return line(title, "cross-entropy", epochs, losses, new Color(0x1f77b4));
  }

  private static XYChart line(String title, String yTitle, double[] x, double[] y, Color color) {
    XYChart chart = new XYChartBuilder().width(520).height(400).title(title)
        .xAxisTitle("epoch").yAxisTitle(yTitle).build();
    chart.getStyler().setLegendVisible(false).setMarkerSize(5);
    chart.getStyler().setXAxisLabelRotation(90); // XChart labels every other epoch: upright
    // XChart labels a flat line (a 1-epoch run) with the value's every digit: round them.
    chart.getStyler().setyAxisTickLabelsFormattingFunction(ClassifierPlots::tickLabel);
    XYSeries series = chart.addSeries(yTitle, x, y);
    series.setMarker(SeriesMarkers.CIRCLE);
    series.setLineColor(color);
    series.setMarkerColor(color);
    return chart;
  }

  /**
   * Returns the label of a value axis tick at {@code value}: at most four significant digits
   * without trailing zeros ({@code 0.8234}, {@code 86.67}, {@code 0.1}, {@code 2913}), and in
   * scientific notation from 10^6 or below 10^-3 in magnitude ({@code 1.000e+07}).
   */
  static String tickLabel(double value) {
    double magnitude = Math.abs(value);
    if (value == 0) {
      return "0";
    }
    if (!Double.isFinite(value) || magnitude < 1e-3 || magnitude >= 1e6) {
      return String.format(Locale.ROOT, "%.3e", value);
    }
    return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }

  private static void save(Chart<?, ?> chart, Path file) throws IOException {
    grid(file, List.of(chart), 1, chart.getWidth(), chart.getHeight());
  }

  /**
   * Writes {@code charts} to {@code file} (PNG or SVG after its extension) in a grid of {@code
   * columns} columns, row by row, each chart drawn in a {@code width} x {@code height} cell.
   */
  static void grid(Path file, List<? extends Chart<?, ?>> charts, int columns, int width,
      int height) throws IOException {
    int used = Math.min(columns, charts.size());
    int rows = (charts.size() + columns - 1) / columns;
    Picture.write(file, used * width, rows * height, g -> {
      g.setColor(Color.WHITE); // the cells a last, partly filled row leaves empty
      g.fillRect(0, 0, used * width, rows * height);
      for (int i = 0; i < charts.size(); i++) {
        Graphics2D cell = (Graphics2D) g.create();
        try {
          cell.translate((i % columns) * width, (i / columns) * height);
          charts.get(i).paint(cell, width, height);
        } finally {
          cell.dispose();
        }
      }
    });
  }
}
