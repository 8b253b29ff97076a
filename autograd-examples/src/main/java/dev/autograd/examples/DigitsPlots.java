package dev.autograd.examples;

import dev.autograd.data.Dataset;
import dev.autograd.data.Datasets;
import dev.autograd.optim.ConfusionMatrix;
import dev.autograd.optim.History;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Draws {@link DigitsClassifier}'s results as PNG pictures, without needing a display. */
final class DigitsPlots {
  private DigitsPlots() {}

  /** The most misclassified digits drawn, in a grid of {@code ERROR_COLUMNS} columns. */
  static final int MAX_ERRORS = 24;

  private static final int ERROR_COLUMNS = 6;

  /** Writes the confusion matrix as a heat map with the count in each cell. */
  static void confusion(ConfusionMatrix confusion, Path file) throws IOException {
    int k = confusion.classes();
    HeatMapChart chart = new HeatMapChartBuilder().width(640).height(560)
        .title(String.format(Locale.ROOT, "Digits test confusion matrix (accuracy %.2f%%)",
            100 * confusion.accuracy()))
        .xAxisTitle("predicted digit").yAxisTitle("true digit").build();
    chart.getStyler().setShowValue(true);
    chart.getStyler().setPlotContentSize(1.0);
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setRangeColors(new Color[] {Color.WHITE, new Color(0x9ecae1),
        new Color(0x08306b)});
    chart.getStyler().setValueFontColor(Color.BLACK);
    int[] axis = new int[k];
    for (int c = 0; c < k; c++) {
      axis[c] = c;
    }
    // cells[x][y]: x the predicted class, y counted from the bottom, so true class 0 is on top.
    int[][] cells = new int[k][k];
    for (int actual = 0; actual < k; actual++) {
      for (int predicted = 0; predicted < k; predicted++) {
        cells[predicted][k - 1 - actual] = confusion.count(actual, predicted);
      }
    }
    int[] yLabels = new int[k];
    for (int c = 0; c < k; c++) {
      yLabels[c] = k - 1 - c;
    }
    chart.addSeries("count", axis, yLabels, cells);
    save(chart, file);
  }

  /**
   * Writes up to {@value #MAX_ERRORS} test digits the model got wrong, each as an 8 × 8 grey
   * image titled with its true and predicted label; {@code rawTest} holds the test images as
   * loaded (pixels 0 to 16), in the order of {@code predicted}.
   */
  static void misclassified(Dataset rawTest, int[] predicted, Path file) throws IOException {
    List<Chart<?, ?>> charts = new ArrayList<>();
    for (int i = 0; i < rawTest.size() && charts.size() < MAX_ERRORS; i++) {
      if (predicted[i] != rawTest.label(i)) {
        charts.add(digit(rawTest.features(i), "true " + rawTest.label(i) + ", predicted "
            + predicted[i]));
      }
    }
    if (charts.isEmpty()) {
      charts.add(digit(new double[Datasets.DIGIT_SIDE * Datasets.DIGIT_SIDE],
          "no misclassified digit"));
    }
    int rows = (charts.size() + ERROR_COLUMNS - 1) / ERROR_COLUMNS;
    int columns = Math.min(ERROR_COLUMNS, charts.size());
    System.setProperty("java.awt.headless", "true");
    try (OutputStream out = Files.newOutputStream(file)) {
      BitmapEncoder.saveBitmap(charts, rows, columns, out, BitmapFormat.PNG);
    }
  }

  /** Returns one digit's raw pixels (0 white to 16 black) as a grey heat map. */
  private static HeatMapChart digit(double[] pixels, String title) {
    int side = Datasets.DIGIT_SIDE;
    HeatMapChart chart = new HeatMapChartBuilder().width(180).height(200).title(title).build();
    chart.getStyler().setAxisTicksVisible(false);
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setPlotContentSize(1.0);
    chart.getStyler().setChartTitleFont(chart.getStyler().getChartTitleFont().deriveFont(11f));
    chart.getStyler().setRangeColors(new Color[] {Color.WHITE, Color.BLACK});
    chart.getStyler().setChartPadding(4);
    int[] axis = new int[side];
    for (int c = 0; c < side; c++) {
      axis[c] = c;
    }
    // cells[x][y]: x the pixel's column, y its row counted from the bottom, so row 0 is on top.
    int[][] cells = new int[side][side];
    for (int r = 0; r < side; r++) {
      for (int c = 0; c < side; c++) {
        cells[c][side - 1 - r] = (int) pixels[r * side + c];
      }
    }
    chart.getStyler().setMin(0).setMax(16);
    chart.addSeries("pixels", axis, axis, cells);
    return chart;
  }

  /** Writes the mean training loss and the test accuracy per epoch, side by side. */
  static void history(History history, Path file) throws IOException {
    double[] epochs = new double[history.size()];
    for (int e = 0; e < epochs.length; e++) {
      epochs[e] = e + 1;
    }
    XYChart loss = line("Mean training loss per epoch", "cross-entropy", epochs,
        history.loss(), new Color(0x1f77b4));
    double[] accuracy = history.metric("test accuracy");
    double[] percent = new double[accuracy.length];
    for (int e = 0; e < percent.length; e++) {
      percent[e] = 100 * accuracy[e];
    }
    XYChart test = line("Test accuracy per epoch", "accuracy (%)", epochs, percent,
        new Color(0x2ca02c));
    System.setProperty("java.awt.headless", "true");
    try (OutputStream out = Files.newOutputStream(file)) {
      BitmapEncoder.saveBitmap(List.of(loss, test), 1, 2, out, BitmapFormat.PNG);
    }
  }

  private static XYChart line(String title, String yTitle, double[] x, double[] y, Color color) {
    XYChart chart = new XYChartBuilder().width(520).height(400).title(title)
        .xAxisTitle("epoch").yAxisTitle(yTitle).build();
    chart.getStyler().setLegendVisible(false).setMarkerSize(5);
    XYSeries series = chart.addSeries(yTitle, x, y);
    series.setMarker(SeriesMarkers.CIRCLE);
    series.setLineColor(color);
    series.setMarkerColor(color);
    return chart;
  }

  private static void save(Chart<?, ?> chart, Path file) throws IOException {
    System.setProperty("java.awt.headless", "true");
    try (OutputStream out = Files.newOutputStream(file)) {
      BitmapEncoder.saveBitmap(chart, out, BitmapFormat.PNG);
    }
  }
}
