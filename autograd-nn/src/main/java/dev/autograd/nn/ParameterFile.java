package dev.autograd.nn;

import static java.util.Objects.requireNonNull;

import dev.autograd.core.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * 1.0E-3
 * </pre>
 *
 * The first line holds the format name {@value #FORMAT}, its version {@value #VERSION} and the
 * number of parameters {@code N}, separated by single spaces. Then come exactly {@code N} lines,
 * one parameter each in {@link Module#parameters()} order, written by {@link
 * Double#toString(double)}, which {@link Double#parseDouble(String)} reads back to the same double
 * (infinities and NaN included), so a round trip restores every weight exactly. A final line break
 * is optional; nothing else may follow. Only data is stored: the model's shape comes from the code
 * that builds it, and {@link #load} checks that the counts agree.
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
   * @throws IOException if the file cannot be written
   */
  public static void save(Module model, Path path) throws IOException {
    List<Value> params = parametersOf(model);
    requireNonNull(path, "path");
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
   * @throws IllegalArgumentException if the header is not {@code autograd-parameters 1 N}, {@code
   *     N} differs from the model's parameter count, the file holds a different number of value
   *     lines than {@code N}, or a line is not a number; the message names the line and what was
   *     expected and found
   * @throws IOException if the file cannot be read
   */
  public static void load(Module model, Path path) throws IOException {
    List<Value> params = parametersOf(model);
    requireNonNull(path, "path");
    double[] values = parse(Files.readAllLines(path, StandardCharsets.UTF_8), params.size(), path);
    for (int i = 0; i < values.length; i++) {
      params.get(i).setData(values[i]);
    }
  }

  private static List<Value> parametersOf(Module model) {
    requireNonNull(model, "model");
    List<Value> params = new ArrayList<>(model.parameters());
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i) == null) {
        throw new NullPointerException("model parameter " + i + " is null");
      }
    }
    return params;
  }

  /** Returns the saved values, or throws naming the first problem found. */
  static double[] parse(List<String> lines, int expectedCount, Path path) {
    if (lines.isEmpty()) {
      throw malformed(path, 1, "expected header '" + FORMAT + " " + VERSION + " <count>', found an empty file");
    }
    String header = lines.get(0);
    String[] fields = header.split(" ", -1);
    if (fields.length != 3 || !fields[0].equals(FORMAT) || !fields[1].equals(Integer.toString(VERSION))) {
      throw malformed(path, 1, "expected header '" + FORMAT + " " + VERSION + " <count>', found '" + header + "'");
    }
    int declared;
    try {
      declared = Integer.parseInt(fields[2]);
    } catch (NumberFormatException e) {
      throw malformed(path, 1, "expected a parameter count, found '" + fields[2] + "'");
    }
    if (declared != expectedCount) {
      throw malformed(path, 1, "the model has " + expectedCount + " parameters but the file declares " + declared);
    }
    int found = lines.size() - 1;
    if (found != declared) {
      throw new IllegalArgumentException(
          path + ": expected " + declared + " value lines after the header, found " + found);
    }
    double[] values = new double[declared];
    for (int i = 0; i < declared; i++) {
      String line = lines.get(i + 1);
      try {
        if (line.isBlank() || !line.equals(line.strip())) {
          throw new NumberFormatException();
        }
        values[i] = Double.parseDouble(line);
      } catch (NumberFormatException e) {
        throw malformed(path, i + 2, "expected a number for parameter " + i + ", found '" + line + "'");
      }
    }
    return values;
  }

  private static IllegalArgumentException malformed(Path path, int line, String what) {
    return new IllegalArgumentException(path + ", line " + line + ": " + what);
  }
}
