package dev.autograd.examples;

import java.util.Locale;

/** The formats a picture is written in, chosen by the file name's extension. */
enum PictureFormat {
  /** A bitmap, {@code .png}. */
  PNG,
  /** A vector drawing, {@code .svg}. */
  SVG;

  /** Returns the format named by {@code fileName}'s extension (any case), or {@code null}. */
  static PictureFormat of(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".png")) {
      return PNG;
    }
    if (name.endsWith(".svg")) {
      return SVG;
    }
    return null;
  }
}
