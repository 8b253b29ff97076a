package dev.autograd.data;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a user's CSV file of numbers into a {@link Dataset}: one column is the target, all others
 * are features, in file order. Parsing is Apache Commons CSV ({@code CSVFormat.DEFAULT}: RFC 4180
 * quoting, any line ending) with surrounding spaces trimmed, blank lines skipped, a leading UTF-8
 * byte-order mark ignored, and a delimiter of your choice (comma by default).
 *
 * <pre>{@code
 * Dataset houses = CsvDatasetReader.withHeader("price").read(Path.of("houses.csv"));
 * Dataset flowers = CsvDatasetReader.withoutHeader(4).read(Path.of("iris.data"))
 *     .asClassification();
 * }</pre>
 *
 * <p>Every cell after the header must be a finite number as {@link Double#parseDouble(String)}
 * reads it. The whole file is read and checked before a dataset is returned: on any problem the
 * reader throws, and nothing is half-loaded. Messages name the file, and for a bad cell or row the
 * line and the column, both counted from 1 (so target index {@code i} is column {@code i + 1}).
 * The dataset keeps each row's line and each column's place in the file ({@link
 * Dataset#sourceLine(int)}, {@link Dataset#sourceColumn(int)}, {@link
 * Dataset#targetSourceColumn()}), counted the same way, for messages about its values. Instances
 * are immutable.
 */
public final class CsvDatasetReader {
  private final boolean hasHeader;
  private final String targetName;
  private final int targetIndex;
  private final char delimiter;

  private CsvDatasetReader(boolean hasHeader, String targetName, int targetIndex, char delimiter) {
    this.hasHeader = hasHeader;
    this.targetName = targetName;
    this.targetIndex = targetIndex;
    this.delimiter = delimiter;
  }

  /**
   * Returns a reader for files whose first record is a header naming the columns, with the target
   * in the column named {@code targetName} (matched exactly after trimming). Features take their
   * names from the header.
   *
   * @throws NullPointerException if {@code targetName} is null
   */
  public static CsvDatasetReader withHeader(String targetName) {
    return new CsvDatasetReader(true, checkNotNull(targetName, "targetName"), -1, ',');
  }

  /**
   * Returns a reader for files whose first record is a header, with the target in column {@code
   * targetIndex} (from 0).
   *
   * @throws IllegalArgumentException if {@code targetIndex} is negative
   */
  public static CsvDatasetReader withHeader(int targetIndex) {
    return new CsvDatasetReader(true, null, checkIndex(targetIndex), ',');
  }

  /**
   * Returns a reader for files without a header, with the target in column {@code targetIndex}
   * (from 0). Features are named {@code x0, x1, ...} in file order without the target; the target
   * is named {@code target}.
   *
   * @throws IllegalArgumentException if {@code targetIndex} is negative
   */
  public static CsvDatasetReader withoutHeader(int targetIndex) {
    return new CsvDatasetReader(false, null, checkIndex(targetIndex), ',');
  }

  private static int checkIndex(int targetIndex) {
    checkArgument(targetIndex >= 0, "targetIndex must be at least 0, got %s", targetIndex);
    return targetIndex;
  }

  /**
   * Returns a reader like this one that splits cells at {@code delimiter} instead.
   *
   * @throws IllegalArgumentException if {@code delimiter} is a line break or a double quote
   */
  public CsvDatasetReader delimiter(char delimiter) {
    checkArgument(delimiter != '\n' && delimiter != '\r' && delimiter != '"',
        "delimiter must not be a line break or a quote, got %s", (int) delimiter);
    return new CsvDatasetReader(hasHeader, targetName, targetIndex, delimiter);
  }

  /**
   * Reads {@code file} (UTF-8) into a dataset (a regression set; call {@link
   * Dataset#asClassification()} for class labels).
   *
   * @throws NullPointerException if {@code file} is null
   * @throws java.nio.file.NoSuchFileException if {@code file} does not exist (naming it)
   * @throws IOException if {@code file} is a directory (naming it) or cannot be read
   * @throws IllegalArgumentException if the file is not UTF-8 text, is empty or blank, has a header
   *     but no data rows, is not valid CSV (naming the line where the record starts, and for an
   *     unclosed quote the column of the cell it opens), has fewer than 2 columns, has a row
   *     with a different number of columns than the first (naming both lines and the first missing
   *     or extra column), a cell that is not a finite number (naming line, column and cell, and
   *     suggesting another {@link #delimiter} when the cell holds a comma, semicolon, tab or bar
   *     that is not the delimiter), no target column of the given name (naming the header's line
   *     and the header) or index (naming the first row's line, the column and the column count), or
   *     a header with an empty column name or a name that appears twice (naming the line and both
   *     columns)
   */
  public Dataset read(Path file) throws IOException {
    checkNotNull(file, "file");
    if (Files.isDirectory(file)) {
      throw new IOException(file + " is a directory, not a CSV file");
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(file + " is not UTF-8 text", e);
    }
    return read(text, file.toString());
  }

  /** Parses {@code text} whose source is called {@code source} in messages. */
  Dataset read(String text, String source) {
    NumericCsv csv = new NumericCsv(source, delimiter);
    NumericCsv.Table table = hasHeader ? csv.parseWithHeader(text) : csv.parseWithoutHeader(text);
    int width = table.rows()[0].length;
    if (width < 2) {
      throw new IllegalArgumentException(source + " has " + width
          + " column; needs at least 2 (one feature and the target)");
    }
    int target = targetColumn(table, width, csv);
    double[][] features = new double[table.rows().length][width - 1];
    double[] targets = new double[table.rows().length];
    for (int i = 0; i < features.length; i++) {
      double[] row = table.rows()[i];
      System.arraycopy(row, 0, features[i], 0, target);
      System.arraycopy(row, target + 1, features[i], target, width - target - 1);
      targets[i] = row[target];
    }
    Dataset data = Dataset.of(features, targets).withSource(table.lines(), target);
    if (!hasHeader) {
      return data;
    }
    List<String> names = new ArrayList<>(table.header());
    String name = names.remove(target);
    return data.withFeatureNames(names).withTargetName(name);
  }

  /** Returns the target's column index, or throws naming the first record's line. */
  private int targetColumn(NumericCsv.Table table, int width, NumericCsv csv) {
    if (targetName == null) {
      if (targetIndex >= width) {
        throw new IllegalArgumentException(csv.at(table.firstLine()) + ", column "
            + (targetIndex + 1) + ": no target column there (index " + targetIndex
            + "): the rows have " + width + " columns");
      }
      return targetIndex;
    }
    int found = table.header().indexOf(targetName);
    if (found < 0) {
      throw new IllegalArgumentException(csv.at(table.firstLine()) + ": target column \""
          + targetName + "\" not in the header: " + NumericCsv.shown(table.header().toString()));
    }
    return found;
  }
}
