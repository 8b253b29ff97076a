package dev.autograd.examples;

import dev.autograd.core.PythonFormat;
import java.awt.Color;
import java.awt.Graphics2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a linear-regression run as one picture: the loss curve beside the data and the fitted
 * line. It draws only what it is given, and never fails on a diverged run: a loss that is not a
 * finite positive number has no place on a log axis, so it is left out, and the chart's title says
 * from which epoch the run diverged; a learned line that is not finite is not drawn.
 */
final class LinearRegressionPlot {
  private LinearRegressionPlot() {}

  static final int WIDTH = 1200;
  static final int HEIGHT = 420;

  /** About this many labels at most on the loss axis. */
  static final int MAX_DECADE_LABELS = 8;

  /**
   * What to draw: the training points {@code (x[i], y[i])}, the learned line {@code y = weight * x
   * + bias}, and the loss of every epoch.
   */
  record Run(double[] x, double[] y, double weight, double bias, double[] losses) {}

  /**
   * The epochs whose loss a log axis can show, and the first epoch (1-based) whose loss is not
   * finite.
   */
  record LossSeries(double[] epochs, double[] losses, int divergedAt) {
    /** Returns whether some epoch's loss was NaN or infinite. */
    boolean diverged() {
      return divergedAt > 0;
    }
  }

  /** Writes the two charts side by side to {@code file}, as PNG or SVG after its extension. */
  static void write(Run run, Path file) throws IOException {
    XYChart loss = lossCurve(run.losses());
    XYChart fit = fit(run);
    Picture.write(file, WIDTH, HEIGHT, g -> paintSideBySide(g, loss, fit));
  }

  private static void paintSideBySide(Graphics2D g, XYChart left, XYChart right) {
    left.paint(g, WIDTH / 2, HEIGHT);
    Graphics2D shifted = (Graphics2D) g.create();
    try {
      shifted.translate(WIDTH / 2, 0);
      right.paint(shifted, WIDTH / 2, HEIGHT);
    } finally {
      shifted.dispose();
    }
  }

  /** Returns the losses a log axis can show (finite and positive), by epoch number from 1. */
  static LossSeries plottable(double[] losses) {
    double[] epochs = new double[losses.length];
    double[] values = new double[losses.length];
    int n = 0;
    int divergedAt = 0;
    for (int k = 0; k < losses.length; k++) {
      double loss = losses[k];
      if (!Double.isFinite(loss)) {
        if (divergedAt == 0) {
          divergedAt = k + 1;
        }
      } else if (loss > 0) {
        epochs[n] = k + 1;
        values[n] = loss;
        n++;
      }
    }
    return new LossSeries(Arrays.copyOf(epochs, n), Arrays.copyOf(values, n), divergedAt);
  }

  /**
   * Returns the chart of the loss against the epoch, both on log scales. The loss axis plots
   * {@code log10(loss)} on a linear axis labelled with powers of ten, so that its labels stay few
   * (at most about {@value #MAX_DECADE_LABELS}) however many decades the loss falls through.
   */
  static XYChart lossCurve(double[] losses) {
    LossSeries series = plottable(losses);
    String title = series.diverged()
        ? "Loss per epoch (diverged at epoch " + series.divergedAt() + ")"
        : "MSE loss per epoch";
    XYChart chart = new XYChartBuilder().width(WIDTH / 2).height(HEIGHT).title(title)
        .xAxisTitle("epoch (1 = first, log scale)").yAxisTitle("MSE loss (log scale)").build();
    chart.getStyler().setXAxisLogarithmic(true).setLegendVisible(false).setMarkerSize(5);
    chart.getStyler().setyAxisTickLabelsFormattingFunction(LinearRegressionPlot::powerOfTen);
    chart.getStyler().setYAxisTickMarkSpacingHint(HEIGHT / MAX_DECADE_LABELS);
    double[] epochs = series.epochs();
    double[] exponents = Arrays.stream(series.losses()).map(Math::log10).toArray();
    if (exponents.length == 0) {
      // Nothing finite to draw: an empty frame around epoch 1 under the title that says why.
      chart.getStyler().setXAxisMin(1.0).setXAxisMax(10.0).setYAxisMin(-1.0).setYAxisMax(1.0)
          .setYAxisTicksVisible(false);
      XYSeries none = chart.addSeries("loss", new double[] {1}, new double[] {0});
      none.setMarker(SeriesMarkers.NONE);
      none.setLineColor(new Color(0, 0, 0, 0));
      return chart;
    }
    double low = Math.floor(Arrays.stream(exponents).min().orElseThrow());
    double high = Math.ceil(Arrays.stream(exponents).max().orElseThrow());
    chart.getStyler().setYAxisMin(low).setYAxisMax(high == low ? high + 1 : high);
    if (epochs[epochs.length - 1] == epochs[0]) {
      chart.getStyler().setXAxisMin(1.0).setXAxisMax(10.0);
    }
    XYSeries loss = chart.addSeries("loss", epochs, exponents);
    // A short run is a few points: mark each one, so even a 1-epoch run shows its loss.
    loss.setMarker(exponents.length <= 50 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
    loss.setMarkerColor(new Color(0x1f77b4));
    loss.setLineColor(new Color(0x1f77b4));
    return chart;
  }

  /**
   * Returns the label of the loss axis at {@code exponent} (a tick of {@code log10(loss)}): the
   * power of ten written out ({@code 0.01}, {@code 1000}) or as {@code 1E-12}, and nothing for a
   * tick between two powers.
   */
  static String powerOfTen(double exponent) {
    long e = Math.round(exponent);
    if (Math.abs(exponent - e) > 1e-9) {
      return " ";
    }
    return e >= -3 && e <= 4 ? PythonFormat.fixed(Math.pow(10, e), (int) Math.max(0, -e))
        : "1E" + e;
  }

  /** Returns the chart of the training points, the learned line and the target line. */
  static XYChart fit(Run run) {
    boolean finite = Double.isFinite(run.weight()) && Double.isFinite(run.bias());
    XYChart chart = new XYChartBuilder().width(WIDTH / 2).height(HEIGHT)
        .title(finite ? "Data and learned line" : "Data (the learned line diverged: w = "
            + coefficient(run.weight()) + ", b = " + coefficient(run.bias()) + ")")
        .xAxisTitle("x").yAxisTitle("y").build();
    chart.getStyler().setLegendPosition(LegendPosition.InsideNW).setMarkerSize(6);
    chart.getStyler().setXAxisTickMarkSpacingHint(90);
    XYSeries data = chart.addSeries("data", run.x(), run.y());
    data.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
    data.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(new Color(0x444444));
    if (finite) {
      double first = Arrays.stream(run.x()).min().orElseThrow();
      double last = Arrays.stream(run.x()).max().orElseThrow();
      double[] ends = {first, last};
      double[] learned = {run.weight() * first + run.bias(), run.weight() * last + run.bias()};
      XYSeries fitted = chart.addSeries("learned: y = " + coefficient(run.weight()) + "x + "
          + coefficient(run.bias()), ends, learned);
      fitted.setMarker(SeriesMarkers.NONE);
      fitted.setLineColor(new Color(0xd62728));
    }
    return chart;
  }

  /** Returns {@code x} with three decimals, or in scientific notation when it is huge. */
  static String coefficient(double x) {
    return Math.abs(x) < 1e6 || !Double.isFinite(x) ? PythonFormat.fixed(x, 3)
        : String.format(java.util.Locale.ROOT, "%.3e", x);
  }
}
