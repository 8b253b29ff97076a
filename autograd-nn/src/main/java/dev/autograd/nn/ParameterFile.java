package dev.autograd.nn;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.autograd.core.Parameters;
import dev.autograd.core.Value;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Saves and restores a model's parameter values as UTF-8 text.
 *
 * <h2>Format</h2>
 *
 * <pre>
 * autograd-parameters 1 3
 * 0.25
 * -0.5
 * 1.0E-4
 * </pre>
 *
 * The first line holds the format name {@value #FORMAT}, its version {@value #VERSION} and the
 * number of parameters {@code N}, separated by single spaces. Then come exactly {@code N} lines,
 * one parameter each in {@link Module#parameters()} order, written by {@link
 * Double#toString(double)}, which {@link Double#parseDouble(String)} reads back to the same double
 * (signed zeros, subnormals, infinities and NaN included), so a round trip restores every weight
 * exactly. A hand-written file may use any literal {@code parseDouble} accepts, such as {@code
 * 0x1.4p3}, but no surrounding spaces. A final line break is optional; nothing else may follow.
 * Only data is stored: the model's shape comes from the code that builds it, and {@link #load}
 * checks that the counts agree.
 *
 * <p>The parameters are the distinct nodes of {@link Module#parameters()} ({@link
 * Parameters#distinct}): a tied weight listed twice is saved once and loaded once, and {@code N}
 * counts it once.
 */
public final class ParameterFile {
  /** The format name on the header line. */
  public static final String FORMAT = "autograd-parameters";

  /** The format version on the header line. */
  public static final int VERSION = 1;

  private ParameterFile() {}

  /**
   * Writes every parameter's data of {@code model} to {@code path}, replacing the file if it
   * exists.
   *
   * @throws NullPointerException if an argument or a parameter is null
   * @throws IllegalArgumentException if a parameter is not a leaf
   * @throws IOException if the file cannot be written
   */
  public static void save(Module model, Path path) throws IOException {
    List<Value> params = parametersOf(model);
    checkNotNull(path, "path");
    StringBuilder sb = new StringBuilder();
    sb.append(FORMAT).append(' ').append(VERSION).append(' ').append(params.size()).append('\n');
    for (Value p : params) {
      sb.append(Double.toString(p.data())).append('\n');
    }
    Files.writeString(path, sb, StandardCharsets.UTF_8);
  }

  /**
   * Reads {@code path} and sets each parameter of {@code model} to the value saved for it (through
   * {@link Value#setData(double)}, so it mutates the model). The whole file is checked first: if
   * it is malformed or holds a different number of parameters, nothing is changed.
   *
   * @throws NullPointerException if an argument or a parameter is null
   * @throws IllegalArgumentException if a parameter is not a leaf, the file is not UTF-8 text,
   *     the header is not {@code autograd-parameters 1 N}, {@code N} differs from the model's parameter count, the file
   *     holds a different number of value lines than {@code N}, or a line is not a number; the
   *     message names the file, the line and what was expected and found
   * @throws IOException if the file cannot be read
   */
  public static void load(Module model, Path path) throws IOException {
    List<Value> params = parametersOf(model);
    checkNotNull(path, "path");
    double[] values = parse(readLines(path), params.size(), path);
    for (int i = 0; i < values.length; i++) {
      params.get(i).setData(values[i]);
    }
  }

  /** Returns the file's lines; bytes that are not UTF-8 make it malformed, not unreadable. */
  private static List<String> readLines(Path path) throws IOException {
    try {
      return Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(path + ": not a parameter file (not UTF-8 text)", e);
    }
  }

  private static List<Value> parametersOf(Module model) {
    checkNotNull(model, "model");
    return Parameters.distinct(model.parameters(), "model.parameters()");
  }

  /** Returns the saved values, or throws naming the first problem found. */
  static double[] parse(List<String> lines, int expectedCount, Path path) {
    int declared = declaredCount(lines, path);
    if (declared != expectedCount) {
      throw malformed(path, 1, "the model has " + expectedCount
          + " parameters but the file declares " + declared);
    }
    int found = lines.size() - 1;
    if (found != declared) {
      throw new IllegalArgumentException(
          path + ": expected " + declared + " value lines after the header, found " + found);
    }
    double[] values = new double[declared];
    for (int i = 0; i < declared; i++) {
      values[i] = number(lines.get(i + 1), i, path);
    }
    return values;
  }

  /** Returns the count on the header line {@code autograd-parameters 1 N}. */
  private static int declaredCount(List<String> lines, Path path) {
    String expected = "expected header '" + FORMAT + " " + VERSION + " <count>'";
    if (lines.isEmpty()) {
      throw malformed(path, 1, expected + ", found an empty file");
    }
    String header = lines.get(0);
    String[] fields = header.split(" ", -1);
    if (fields.length != 3
        || !fields[0].equals(FORMAT)
        || !fields[1].equals(Integer.toString(VERSION))) {
      throw malformed(path, 1, expected + ", found '" + header + "'");
    }
    try {
      return Integer.parseInt(fields[2]);
    } catch (NumberFormatException e) {
      throw malformed(path, 1, "expected a parameter count, found '" + fields[2] + "'");
    }
  }

  /** Returns the value of parameter {@code index}, written on {@code line}. */
  private static double number(String line, int index, Path path) {
    if (!line.isBlank() && line.equals(line.strip())) {
      try {
        return Double.parseDouble(line);
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw malformed(path, index + 2,
        "expected a number for parameter " + index + ", found '" + line + "'");
  }

  private static IllegalArgumentException malformed(Path path, int line, String what) {
    return new IllegalArgumentException(path + ", line " + line + ": " + what);
  }
}
