package dev.autograd.nn;

import static com.google.common.base.Preconditions.checkArgument;
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
    Files.writeString(path, block(FORMAT, dataOf(params)), StandardCharsets.UTF_8);
  }

  /**
   * Reads {@code path} and sets each parameter of {@code model} to the value saved for it (through
   * {@link Value#setData(Value[], double[])}, one new version for all, so it mutates the model).
   * The whole file is checked first: if it is malformed or holds a different number of
   * parameters, nothing is changed.
   *
   * @throws NullPointerException if an argument or a parameter is null
   * @throws IllegalArgumentException if a parameter is not a leaf, the file is not UTF-8 text, the
   *     header is not {@code autograd-parameters 1 N}, {@code N} differs from the model's parameter
   *     count, the file holds a different number of value lines than {@code N}, or a line is not a
   *     number; the message names the file, the line and what was expected and found
   * @throws IOException if the file cannot be read, or is a directory (naming it)
   */
  public static void load(Module model, Path path) throws IOException {
    List<Value> params = parametersOf(model);
    checkNotNull(path, "path");
    List<String> lines = readLines(path);
    double[] values = readBlock(lines, 0, FORMAT, params.size(), path);
    int found = lines.size() - 1;
    checkArgument(found == values.length, "%s: expected %s value lines after the header, found %s",
        path, values.length, found);
    Value.setData(params.toArray(new Value[0]), values);
  }

  /**
   * Returns the text of one block of this format: the header {@code name 1 N} (with {@code N =
   * values.length}) and one line per value written by {@link Double#toString(double)}, each line
   * ending in {@code '\n'}. A parameter file is the single block named {@value #FORMAT}; other
   * files (such as a training checkpoint) store several blocks one after the other.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code name} is empty or holds a space or line break
   */
  public static String block(String name, double[] values) {
    checkNotNull(values, "values");
    StringBuilder sb = new StringBuilder();
    sb.append(blockName(name)).append(' ').append(VERSION).append(' ').append(values.length);
    sb.append('\n');
    for (double v : values) {
      sb.append(Double.toString(v)).append('\n');
    }
    return sb.toString();
  }

  /**
   * Reads the block written by {@link #block(String, double[])} whose header is {@code
   * lines.get(from)}, and returns its {@code expectedCount} values; lines after the block are not
   * looked at. Reads the numbers as {@link #load} does.
   *
   * @param path the file the lines come from, named in error messages
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the header is missing or not {@code name 1 N}, {@code N}
   *     differs from {@code expectedCount}, fewer than {@code N} lines follow it, or one of them
   *     is not a number; the message names the file, the line (counting from 1) and what was
   *     expected and found
   */
  public static double[] readBlock(
      List<String> lines, int from, String name, int expectedCount, Path path) {
    checkNotNull(lines, "lines");
    checkNotNull(path, "path");
    int declared = declaredCount(lines, from, blockName(name), path);
    if (declared != expectedCount) {
      throw malformed(path, from + 1, "expected " + expectedCount + " values but the header"
          + " declares " + declared);
    }
    int found = Math.min(declared, lines.size() - from - 1);
    checkArgument(found == declared,
        "%s: expected %s value lines after the header on line %s, found %s", path, declared,
        from + 1, found);
    double[] values = new double[declared];
    for (int i = 0; i < declared; i++) {
      values[i] = number(lines.get(from + 1 + i), i, from + 2 + i, path);
    }
    return values;
  }

  /**
   * Returns the file's lines as UTF-8 text; bytes that are not UTF-8 make it malformed (an {@link
   * IllegalArgumentException} naming the file), not unreadable.
   *
   * @throws NullPointerException if {@code path} is null
   * @throws IOException if the file cannot be read, or is a directory (naming it)
   */
  public static List<String> readLines(Path path) throws IOException {
    checkNotNull(path, "path");
    if (Files.isDirectory(path)) {
      throw new IOException(path + " is a directory, not a parameter file");
    }
    try {
      return Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(path + ": not a parameter file (not UTF-8 text)", e);
    }
  }

  private static double[] dataOf(List<Value> params) {
    double[] values = new double[params.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = params.get(i).data();
    }
    return values;
  }

  private static String blockName(String name) {
    checkNotNull(name, "name");
    checkArgument(!name.isEmpty() && name.chars().noneMatch(c -> c == ' ' || c == '\n' || c == '\r'),
        "a block name must be a non-empty word, got '%s'", name);
    return name;
  }

  private static List<Value> parametersOf(Module model) {
    checkNotNull(model, "model");
    return Parameters.distinct(model.parameters(), "model.parameters()");
  }

  /** Returns the count on the header line {@code name 1 N}, line {@code from + 1}. */
  private static int declaredCount(List<String> lines, int from, String name, Path path) {
    String expected = "expected header '" + name + " " + VERSION + " <count>'";
    if (lines.size() <= from) {
      throw malformed(path, from + 1, expected + ", found " + (from == 0 ? "an empty file"
          : "the end of the file"));
    }
    String header = lines.get(from);
    String[] fields = header.split(" ", -1);
    if (fields.length != 3
        || !fields[0].equals(name)
        || !fields[1].equals(Integer.toString(VERSION))) {
      throw malformed(path, from + 1, expected + ", found '" + header + "'");
    }
    try {
      return Integer.parseInt(fields[2]);
    } catch (NumberFormatException e) {
      throw malformed(path, from + 1, "expected a value count, found '" + fields[2] + "'");
    }
  }

  /** Returns value {@code index} of a block, written on line {@code lineNumber}. */
  private static double number(String line, int index, int lineNumber, Path path) {
    if (!line.isBlank() && line.equals(line.strip())) {
      try {
        return Double.parseDouble(line);
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw malformed(path, lineNumber,
        "expected a number for value " + index + ", found '" + line + "'");
  }

  private static IllegalArgumentException malformed(Path path, int line, String what) {
    return new IllegalArgumentException(path + ", line " + line + ": " + what);
  }
}
