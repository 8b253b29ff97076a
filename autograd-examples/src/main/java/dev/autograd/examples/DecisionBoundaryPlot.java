package dev.autograd.examples;

import dev.autograd.core.PythonFormat;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.DoubleBinaryOperator;

/**
 * Draws a two-class classifier over the plane as one picture: the plane shaded by the classifier's
 * score (a colour scale from blue, score -2 or less, through white at 0 to orange, score +2 or
 * more), the decision boundary {@code score = 0} as a smooth contour, the colour scale beside it,
 * and the labelled points. It draws only what it is given: the points, a score function and a
 * title. Where the score is not finite (a diverged model), the plane is grey and no boundary is
 * drawn there.
 *
 * <p>The score is evaluated on a grid every {@value #GRID} pixels; the shading interpolates it
 * bilinearly between grid nodes and the contour is found by marching squares with linear
 * interpolation along each cell edge, so the boundary is a smooth line, not a staircase of cells.
 */
final class DecisionBoundaryPlot {
  private DecisionBoundaryPlot() {}

  static final int WIDTH = 780;
  static final int HEIGHT = 560;
  private static final int LEFT = 60;
  private static final int RIGHT = 100;
  private static final int TOP = 44;
  private static final int BOTTOM = 52;
  /** Distance in pixels between the grid nodes where the score is evaluated. */
  static final int GRID = 4;
  private static final double MARGIN = 0.5;
  /** Scores at or beyond this magnitude get the scale's full colour. */
  private static final double SATURATION = 2;

  private static final Color PLUS = new Color(0xff7f0e);
  private static final Color MINUS = new Color(0x1f77b4);
  private static final Color NOT_FINITE = new Color(0xbbbbbb);

  /** Writes the picture to {@code file}, as PNG or SVG after its extension. */
  static void write(TwoMoons data, DoubleBinaryOperator score, String title, Path file)
      throws IOException {
    Frame frame = Frame.around(data);
    double[][] grid = frame.scores(score);
    Picture.write(file, WIDTH, HEIGHT, g -> paint(g, frame, grid, data, title));
  }

  private static void paint(Graphics2D g, Frame f, double[][] grid, TwoMoons data, String title) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.drawImage(shading(f, grid), LEFT, TOP, null);
    drawContour(g, grid);
    drawPoints(g, f, data);
    drawAxes(g, f);
    drawColourScale(g, f);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    g.drawString(title, LEFT, TOP - 16);
  }

  /** The data rectangle shown and its mapping to pixels. */
  private record Frame(double xMin, double xMax, double yMin, double yMax) {
    static Frame around(TwoMoons data) {
      double xMin = Double.POSITIVE_INFINITY;
      double xMax = Double.NEGATIVE_INFINITY;
      double yMin = Double.POSITIVE_INFINITY;
      double yMax = Double.NEGATIVE_INFINITY;
      for (double[] p : data.x()) {
        xMin = Math.min(xMin, p[0]);
        xMax = Math.max(xMax, p[0]);
        yMin = Math.min(yMin, p[1]);
        yMax = Math.max(yMax, p[1]);
      }
      return new Frame(xMin - MARGIN, xMax + MARGIN, yMin - MARGIN, yMax + MARGIN);
    }

    int plotWidth() {
      return WIDTH - LEFT - RIGHT;
    }

    int plotHeight() {
      return HEIGHT - TOP - BOTTOM;
    }

    double px(double x) {
      return LEFT + (x - xMin) / (xMax - xMin) * plotWidth();
    }

    double py(double y) {
      return TOP + (yMax - y) / (yMax - yMin) * plotHeight();
    }

    /** Returns the score at every grid node: {@code [row][column]}, row 0 at the top. */
    double[][] scores(DoubleBinaryOperator score) {
      int cols = plotWidth() / GRID + 1;
      int rows = plotHeight() / GRID + 1;
      double[][] grid = new double[rows][cols];
      for (int r = 0; r < rows; r++) {
        double y = yMax - (double) r * GRID / plotHeight() * (yMax - yMin);
        for (int c = 0; c < cols; c++) {
          double x = xMin + (double) c * GRID / plotWidth() * (xMax - xMin);
          grid[r][c] = score.applyAsDouble(x, y);
        }
      }
      return grid;
    }
  }

  /** Returns the plot area shaded pixel by pixel from the bilinearly interpolated score. */
  private static BufferedImage shading(Frame f, double[][] grid) {
    int width = f.plotWidth();
    int height = f.plotHeight();
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int rows = grid.length;
    int cols = grid[0].length;
    for (int py = 0; py < height; py++) {
      int r = Math.min(py / GRID, rows - 2);
      double v = (py - r * GRID) / (double) GRID;
      for (int px = 0; px < width; px++) {
        int c = Math.min(px / GRID, cols - 2);
        double u = (px - c * GRID) / (double) GRID;
        double s = (1 - v) * ((1 - u) * grid[r][c] + u * grid[r][c + 1])
            + v * ((1 - u) * grid[r + 1][c] + u * grid[r + 1][c + 1]);
        image.setRGB(px, py, colour(s).getRGB());
      }
    }
    return image;
  }

  /** Returns the colour scale's colour for {@code score}; grey if it is not finite. */
  static Color colour(double score) {
    if (!Double.isFinite(score)) {
      return NOT_FINITE;
    }
    double strength = Math.min(Math.abs(score), SATURATION) / SATURATION;
    Color end = score > 0 ? PLUS : MINUS;
    double mix = 0.6 * strength; // never fully saturated: the points stay visible on top
    return new Color(blend(end.getRed(), mix), blend(end.getGreen(), mix),
        blend(end.getBlue(), mix));
  }

  private static int blend(int channel, double mix) {
    return (int) Math.round(255 + (channel - 255) * mix);
  }

  /** Draws the line {@code score = 0} by marching squares over the grid. */
  private static void drawContour(Graphics2D g, double[][] grid) {
    g.setColor(new Color(0x222222));
    g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    for (int r = 0; r + 1 < grid.length; r++) {
      for (int c = 0; c + 1 < grid[r].length; c++) {
        double a = grid[r][c];
        double b = grid[r][c + 1];
        double d = grid[r + 1][c];
        double e = grid[r + 1][c + 1];
        if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(d)
            && Double.isFinite(e))) {
          continue;
        }
        double x0 = LEFT + c * GRID;
        double y0 = TOP + r * GRID;
        // Crossings of score = 0 on the cell's four edges: top, right, bottom, left.
        double[][] points = new double[4][];
        int n = 0;
        if ((a > 0) != (b > 0)) {
          points[n++] = new double[] {x0 + GRID * a / (a - b), y0};
        }
        if ((b > 0) != (e > 0)) {
          points[n++] = new double[] {x0 + GRID, y0 + GRID * b / (b - e)};
        }
        if ((d > 0) != (e > 0)) {
          points[n++] = new double[] {x0 + GRID * d / (d - e), y0 + GRID};
        }
        if ((a > 0) != (d > 0)) {
          points[n++] = new double[] {x0, y0 + GRID * a / (a - d)};
        }
        for (int i = 0; i + 1 < n; i += 2) {
          g.draw(new Line2D.Double(points[i][0], points[i][1], points[i + 1][0],
              points[i + 1][1]));
        }
      }
    }
  }

  private static void drawPoints(Graphics2D g, Frame f, TwoMoons data) {
    g.setStroke(new BasicStroke(1.2f));
    for (int i = 0; i < data.size(); i++) {
      double[] p = data.x()[i];
      Ellipse2D dot = new Ellipse2D.Double(f.px(p[0]) - 5, f.py(p[1]) - 5, 10, 10);
      g.setColor(data.y()[i] > 0 ? PLUS : MINUS);
      g.fill(dot);
      g.setColor(Color.BLACK);
      g.draw(dot);
    }
  }

  private static void drawAxes(Graphics2D g, Frame f) {
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(1f));
    g.drawRect(LEFT, TOP, f.plotWidth(), f.plotHeight());
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    int bottom = TOP + f.plotHeight();
    for (double t = Math.ceil(f.xMin() * 2) / 2; t <= f.xMax(); t += 0.5) {
      int x = (int) Math.round(f.px(t));
      g.drawLine(x, bottom, x, bottom + 5);
      String label = PythonFormat.fixed(t, 1);
      g.drawString(label, x - g.getFontMetrics().stringWidth(label) / 2, bottom + 19);
    }
    for (double t = Math.ceil(f.yMin() * 2) / 2; t <= f.yMax(); t += 0.5) {
      int y = (int) Math.round(f.py(t));
      g.drawLine(LEFT - 5, y, LEFT, y);
      String label = PythonFormat.fixed(t, 1);
      g.drawString(label, LEFT - 9 - g.getFontMetrics().stringWidth(label), y + 4);
    }
    g.drawString("x1", LEFT + f.plotWidth() / 2 - 6, HEIGHT - 12);
    g.drawString("x2", 12, TOP + f.plotHeight() / 2);
    legend(g, LEFT + f.plotWidth() - 240, TOP + 10);
  }

  /**
   * Draws the colour scale right of the plot: score -2 (or less) at the bottom to +2 at the top.
   */
  private static void drawColourScale(Graphics2D g, Frame f) {
    int x = LEFT + f.plotWidth() + 22;
    int top = TOP + 20;
    int height = f.plotHeight() - 40;
    int width = 16;
    for (int i = 0; i < height; i++) {
      double score = SATURATION - 2 * SATURATION * i / (height - 1);
      g.setColor(colour(score));
      g.fillRect(x, top + i, width, 1);
    }
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(1f));
    g.drawRect(x, top, width, height);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    for (int k = -2; k <= 2; k++) {
      int y = (int) Math.round(top + (SATURATION - k) / (2 * SATURATION) * height);
      g.drawLine(x + width, y, x + width + 4, y);
      String label = (k == 2 ? "≥ +2" : k == -2 ? "≤ -2" : k > 0 ? "+" + k : Integer.toString(k));
      g.drawString(label, x + width + 7, y + 4);
    }
    g.drawString("score", x - 6, top - 8);
  }

  private static void legend(Graphics2D g, int x, int y) {
    g.setColor(new Color(255, 255, 255, 220));
    g.fillRect(x, y, 230, 64);
    g.setColor(Color.GRAY);
    g.drawRect(x, y, 230, 64);
    String[] text = {"label +1 (lower moon)", "label -1 (upper moon)"};
    Color[] colors = {PLUS, MINUS};
    for (int i = 0; i < 2; i++) {
      Ellipse2D dot = new Ellipse2D.Double(x + 10, y + 9 + 18 * i, 10, 10);
      g.setColor(colors[i]);
      g.fill(dot);
      g.setColor(Color.BLACK);
      g.draw(dot);
      g.drawString(text[i], x + 28, y + 18 + 18 * i);
    }
    g.setColor(new Color(0x222222));
    g.setStroke(new BasicStroke(2f));
    g.drawLine(x + 8, y + 50, x + 22, y + 50);
    g.setColor(Color.BLACK);
    g.drawString("score = 0 (decision boundary)", x + 28, y + 54);
  }
}
