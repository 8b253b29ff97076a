package dev.autograd.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Pictures never crash: diverged runs, 1-epoch runs, SVG output, and readable log axes. */
class PicturesTest {

  @TempDir Path dir;

  @Test
  void aDivergedRunDrawsItsPlotAndPrintsOneWarningLine() throws IOException {
    Path png = dir.resolve("x.png");
    Run run = Run.of(LinearRegressionDemo::run, "--seed", "1", "--lr", "0.1", "--epochs", "300",
        "--plot", png.toString());
    run.assertWrotePng(png, LinearRegressionPlot.WIDTH, LinearRegressionPlot.HEIGHT);
    assertEquals("LinearRegressionDemo: warning: the run diverged: the loss is not finite from"
        + " epoch 97 (try a smaller --lr)\n", run.err());
    assertFalse(Files.exists(dir.resolve("x.png.part")));
  }

  @Test
  void aRunWhoseFirstLossIsInfiniteStillDrawsItsPlot() throws IOException {
    Path png = dir.resolve("inf.png");
    Run run = Run.of(LinearRegressionDemo::run, "--w0", "1e200", "--b0", "1e200", "--epochs",
        "2", "--plot", png.toString());
    run.assertWrotePng(png, LinearRegressionPlot.WIDTH, LinearRegressionPlot.HEIGHT);
    assertTrue(run.err().contains("not finite from epoch 1"), run.err());
  }

  @Test
  void leavesOutLossesALogAxisCannotShowAndNamesTheFirstNonFiniteEpoch() {
    LinearRegressionPlot.LossSeries s = LinearRegressionPlot.plottable(
        new double[] {4, 0, 2, Double.POSITIVE_INFINITY, Double.NaN, 1});
    assertEquals(4, s.divergedAt());
    assertTrue(s.diverged());
    assertEquals(3, s.losses().length);
    assertEquals(6.0, s.epochs()[2], 0.0);
    assertFalse(LinearRegressionPlot.plottable(new double[] {3, 2}).diverged());
  }

  @Test
  void aOneEpochLossChartMarksItsOnePoint() {
    XYChart chart = LinearRegressionPlot.lossCurve(new double[] {1179.4453});
    XYSeries loss = chart.getSeriesMap().get("loss");
    assertEquals(1, loss.getXData().length);
    assertNotEquals(SeriesMarkers.NONE, loss.getMarker());
    assertTrue(chart.getStyler().getYAxisMin() < Math.log10(1179.4453));
    assertTrue(chart.getStyler().getYAxisMax() > Math.log10(1179.4453));
  }

  @Test
  void theLossAxisLabelsPowersOfTenOnly() {
    assertEquals("1000", LinearRegressionPlot.powerOfTen(3));
    assertEquals("0.001", LinearRegressionPlot.powerOfTen(-3));
    assertEquals("1", LinearRegressionPlot.powerOfTen(0));
    assertEquals("1E-23", LinearRegressionPlot.powerOfTen(-23));
    assertEquals(" ", LinearRegressionPlot.powerOfTen(-2.5));
    XYChart adam = LinearRegressionPlot.lossCurve(new double[] {1000, 1, 1e-23});
    assertEquals(-23.0, adam.getStyler().getYAxisMin(), 0.0);
    assertEquals(3.0, adam.getStyler().getYAxisMax(), 0.0);
  }

  @Test
  void writesSvgWhenTheFileNameEndsInSvg() throws IOException {
    Path svg = dir.resolve("moons.svg");
    Run run = Run.of(MoonsDemo::run, "--steps", "2", "--plot", svg.toString());
    assertEquals(0, run.code(), run.err());
    String text = Files.readString(svg);
    assertTrue(text.startsWith("<?xml") && text.contains("<svg"), text.substring(0, 100));
    assertTrue(text.contains("Moons decision boundary"), "title in the SVG");
  }

  @Test
  void aPngThatCannotBeOpenedFailsWithOneLineNamingTheFileAndNoStackTrace() throws IOException {
    // The JDK's ImageIO.write(image, "png", File) printed FileNotFoundException's stack trace on
    // System.err, then threw "Can't create an ImageOutputStream!", naming no file.
    Path png = dir.resolve("x.png");
    // The file written first cannot be opened: a directory of that name (not empty, so that
    // ImageIO's delete of it fails too) stands in for a read-only disk or a missing permission.
    Files.createDirectories(dir.resolve("x.png.part").resolve("keep"));
    ByteArrayOutputStream systemErr = new ByteArrayOutputStream();
    PrintStream saved = System.err;
    Run run;
    System.setErr(new PrintStream(systemErr, true, StandardCharsets.UTF_8));
    try {
      run = Run.of(LinearRegressionDemo::run, "--epochs", "1", "--plot", png.toString());
    } finally {
      System.setErr(saved);
    }
    assertEquals(1, run.code(), run.err());
    assertEquals("", systemErr.toString(StandardCharsets.UTF_8));
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(run.err().startsWith("LinearRegressionDemo: error: " + png + ".part: "),
        run.err());
    assertFalse(Files.exists(png));
    assertTrue(Files.isDirectory(dir.resolve("x.png.part").resolve("keep")));
  }

  @Test
  void rejectsAPlotFileOfAnotherFormat() {
    String txt = dir.resolve("out.txt").toString();
    Run.of(LinearRegressionDemo::run, "--plot", txt).assertRejected(
        Cli.usage(new LinearRegressionDemo()), "LinearRegressionDemo: error: --plot must end in"
            + " .png or .svg (the picture's format), got '" + txt + "'");
    assertFalse(Files.exists(Path.of(txt)));
  }

  @Test
  void aScoreThatIsNotFiniteIsShadedGreyWithoutFailing() throws IOException {
    TwoMoons data = TwoMoons.generate(20, 0.1, new Random(1));
    Path png = dir.resolve("nan.png");
    DecisionBoundaryPlot.write(data, (x1, x2) -> x1 > 0.5 ? Double.NaN : x2 - 0.25, "t", png);
    var image = ImageIO.read(png.toFile());
    assertNotNull(image);
    assertEquals(DecisionBoundaryPlot.colour(Double.NaN), new Color(0xbbbbbb));
    assertEquals(new Color(0xbbbbbb).getRGB(), image.getRGB(DecisionBoundaryPlot.WIDTH - 130, 300));
  }

  @Test
  void theColourScaleIsWhiteAtZeroAndSaturatesAtTwo() {
    assertEquals(Color.WHITE, DecisionBoundaryPlot.colour(0));
    assertEquals(DecisionBoundaryPlot.colour(2), DecisionBoundaryPlot.colour(50));
    assertEquals(DecisionBoundaryPlot.colour(-2), DecisionBoundaryPlot.colour(-50));
    assertNotEquals(DecisionBoundaryPlot.colour(1), DecisionBoundaryPlot.colour(2));
  }

  @Test
  void theDiabetesChartLeavesOutPredictionsThatAreNotFinite() throws IOException {
    XYChart chart = RegressionPlot.chart("Diabetes", "progression", new double[] {100, 200, 300},
        new double[] {110, Double.NaN, Double.POSITIVE_INFINITY}, 5);
    assertEquals(1, chart.getSeriesMap().get("test row").getXData().length);
    assertTrue(chart.getTitle().contains("2 of 3 test rows not finite, not drawn"), chart.getTitle());
    XYChart none = RegressionPlot.chart("Diabetes", "progression", new double[] {100},
        new double[] {Double.NaN}, 5);
    assertFalse(none.getSeriesMap().containsKey("test row"));
    Path svg = dir.resolve("none.svg");
    Picture.write(svg, 600, 520, g -> none.paint(g, 600, 520));
    assertTrue(Files.readString(svg).contains("<svg"));
  }

  @Test
  void theDiabetesChartTitleFitsItsWidthWhenEveryRowIsLeftOut() {
    double[] actual = new double[89];
    double[] predicted = new double[89];
    Arrays.fill(actual, 150);
    Arrays.fill(predicted, Double.NaN);
    XYChart chart = RegressionPlot.chart("Diabetes", "progression", actual, predicted, Double.NaN);
    Font font = chart.getStyler().getChartTitleFont();
    Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
    int width = g.getFontMetrics(font).stringWidth(chart.getTitle());
    g.dispose();
    assertTrue(width <= chart.getWidth() - 20, chart.getTitle() + " is " + width + " px wide");
  }

  @Test
  void theClassifierLossChartNamesTheEpochTheRunDivergedAt() {
    assertEquals("Mean training loss per epoch (diverged at epoch 2)",
        ClassifierPlots.lossChart(new double[] {0.7, Double.NaN, Double.NaN}).getTitle());
    assertEquals("Mean training loss per epoch",
        ClassifierPlots.lossChart(new double[] {0.7, 0.1}).getTitle());
  }

  @Test
  void theClassifierChartsLabelTheirValueAxisWithAtMostFourSignificantDigits() {
    // A 1-epoch run's flat line got one tick labelled with every digit, 0.823350123189533.
    XYChart loss = ClassifierPlots.lossChart(new double[] {0.823350123189533});
    assertEquals("0.8234", loss.getStyler().getyAxisTickLabelsFormattingFunction()
        .apply(0.823350123189533));
    assertEquals("86.67", ClassifierPlots.tickLabel(86.66666666666667));
    assertEquals("0.3", ClassifierPlots.tickLabel(0.30000000000000004));
    assertEquals("0", ClassifierPlots.tickLabel(0.0));
    assertEquals("2913", ClassifierPlots.tickLabel(2913.3918));
    assertEquals("1.000e+07", ClassifierPlots.tickLabel(1e7));
    assertEquals("-2.500e-05", ClassifierPlots.tickLabel(-2.5e-5));
  }

  @Test
  void aDivergedClassifierRunPrintsOneWarningLineAndStillDrawsItsHistory() throws IOException {
    Path png = dir.resolve("history.png");
    Run run = Run.of(IrisClassifier::run, "--lr", "1e300", "--epochs", "1", "--quiet",
        "--plot-history", png.toString());
    assertEquals(0, run.code(), run.err());
    assertEquals("IrisClassifier: warning: the run diverged: the loss is not finite from"
        + " epoch 1 (try a smaller --lr)\n", run.err());
    assertNotNull(ImageIO.read(png.toFile()));
  }

  @Test
  void aDivergedDiabetesRunPrintsOneWarningLine() {
    Run run = Run.of(DiabetesRegression::run, "--lr", "10", "--quiet");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.err().startsWith("DiabetesRegression: warning: the run diverged: the loss is"
        + " not finite from epoch "), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
  }
}
