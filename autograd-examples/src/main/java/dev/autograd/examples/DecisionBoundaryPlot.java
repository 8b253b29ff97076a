package dev.autograd.examples;

import dev.autograd.core.PythonFormat;
import dev.autograd.nn.Mlp;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws a trained moons classifier as a PNG: the plane shaded by the model's score (orange where it
 * says +1, blue where it says -1, paler near the boundary), the decision boundary {@code score = 0}
 * as a dark line, and the training points coloured by their label.
 */
final class DecisionBoundaryPlot {
  private DecisionBoundaryPlot() {}

  static final int WIDTH = 720;
  static final int HEIGHT = 560;
  private static final int LEFT = 60;
  private static final int RIGHT = 20;
  private static final int TOP = 44;
  private static final int BOTTOM = 52;
  /** Side in pixels of the square cells the score is evaluated on. */
  private static final int CELL = 4;
  private static final double MARGIN = 0.5;

  private static final Color PLUS = new Color(0xff7f0e);
  private static final Color MINUS = new Color(0x1f77b4);

  /** Writes the picture of {@code result} to {@code file} as PNG, without needing a display. */
  static void write(MoonsDemo.Result result, Path file) throws IOException {
    System.setProperty("java.awt.headless", "true");
    BufferedImage image = render(result);
    if (!ImageIO.write(image, "png", file.toFile())) {
      throw new IOException("no PNG writer available for " + file);
    }
  }

  /** Returns the picture of {@code result}. */
  static BufferedImage render(MoonsDemo.Result result) {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
          RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      Frame frame = Frame.around(result.data());
      drawScores(g, frame, result.model());
      drawPoints(g, frame, result.data());
      drawAxes(g, frame);
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
      g.drawString("Moons decision boundary: " + PythonFormat.fixed(100 * result.accuracy(), 1)
          + "% training accuracy after " + result.steps() + " steps", LEFT, TOP - 16);
    } finally {
      g.dispose();
    }
    return image;
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

    double x(double px) {
      return xMin + (px - LEFT) / plotWidth() * (xMax - xMin);
    }

    double y(double py) {
      return yMax - (py - TOP) / plotHeight() * (yMax - yMin);
    }
  }

  private static void drawScores(Graphics2D g, Frame f, Mlp model) {
    int cols = (f.plotWidth() + CELL - 1) / CELL;
    int rows = (f.plotHeight() + CELL - 1) / CELL;
    double[][] score = new double[rows][cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        score[r][c] = MoonsDemo.score(model,
            f.x(LEFT + (c + 0.5) * CELL), f.y(TOP + (r + 0.5) * CELL));
      }
    }
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        double s = score[r][c];
        boolean edge = (c + 1 < cols && (score[r][c + 1] > 0) != (s > 0))
            || (r + 1 < rows && (score[r + 1][c] > 0) != (s > 0));
        g.setColor(edge ? Color.DARK_GRAY : tint(s > 0 ? PLUS : MINUS, Math.abs(Math.tanh(s))));
        int w = Math.min(CELL, LEFT + f.plotWidth() - (LEFT + c * CELL));
        int h = Math.min(CELL, TOP + f.plotHeight() - (TOP + r * CELL));
        g.fillRect(LEFT + c * CELL, TOP + r * CELL, w, h);
      }
    }
  }

  /** Returns {@code color} mixed with white: pale at strength 0, a light tint at strength 1. */
  private static Color tint(Color color, double strength) {
    double mix = 0.12 + 0.33 * strength;
    return new Color(blend(color.getRed(), mix), blend(color.getGreen(), mix),
        blend(color.getBlue(), mix));
  }

  private static int blend(int channel, double mix) {
    return (int) Math.round(255 + (channel - 255) * mix);
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
    legend(g, LEFT + f.plotWidth() - 210, TOP + 10);
  }

  private static void legend(Graphics2D g, int x, int y) {
    g.setColor(new Color(255, 255, 255, 220));
    g.fillRect(x, y, 200, 46);
    g.setColor(Color.GRAY);
    g.drawRect(x, y, 200, 46);
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
  }
}
