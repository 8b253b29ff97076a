package dev.autograd.examples;

import dev.autograd.data.Dataset;
import dev.autograd.data.Datasets;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Draws the test digits {@link DigitsClassifier} got wrong, as PNG or SVG after the extension. */
final class DigitsPlots {
  private DigitsPlots() {}

  /** The most misclassified digits drawn, in a grid of {@code ERROR_COLUMNS} columns. */
  static final int MAX_ERRORS = 24;

  private static final int ERROR_COLUMNS = 6;

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
    ClassifierPlots.grid(file, charts, ERROR_COLUMNS, 180, 200);
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

}
