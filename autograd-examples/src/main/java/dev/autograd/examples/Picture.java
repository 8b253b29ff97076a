package dev.autograd.examples;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Writes a picture drawn on a {@link Graphics2D} to a file in the format its extension names: PNG
 * (a bitmap, through {@link ImageIO}) or SVG (through VectorGraphics2D, the library XChart's vector
 * export uses), whole or not at all ({@link OutputFiles}).
 */
final class Picture {
  private Picture() {}

  /** Draws a picture of the size given to {@link #write}. */
  @FunctionalInterface
  interface Painter {
    void paint(Graphics2D g);
  }

  /**
   * Writes the picture {@code painter} draws, {@code width} x {@code height} pixels, to {@code
   * file}.
   *
   * @throws IllegalArgumentException if {@code file}'s name ends in neither {@code .png} nor {@code
   *     .svg}
   * @throws IOException if the file cannot be written
   */
  static void write(Path file, int width, int height, Painter painter) throws IOException {
    PictureFormat format = PictureFormat.of(file.getFileName().toString());
    if (format == null) {
      throw new IllegalArgumentException("not a .png or .svg file: " + file);
    }
    System.setProperty("java.awt.headless", "true");
    OutputFiles.write(file, partial -> {
      if (format == PictureFormat.PNG) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
          painter.paint(g);
        } finally {
          g.dispose();
        }
        // Through a stream we open: ImageIO.write(image, "png", File) prints the stack trace of a
        // file it cannot open and throws "Can't create an ImageOutputStream!", naming no file.
        try (OutputStream out = Files.newOutputStream(partial)) {
          if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer available for " + file);
          }
        }
      } else {
        VectorGraphics2D g = new VectorGraphics2D();
        painter.paint(g);
        Document svg = Processors.get("svg")
            .getDocument(g.getCommands(), new PageSize(0, 0, width, height));
        try (OutputStream out = Files.newOutputStream(partial)) {
          svg.writeTo(out);
        }
      }
    });
  }
}
