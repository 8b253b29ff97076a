package dev.autograd.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Parses CSV text whose cells are all numbers (after an optional header record) into a table, with
 * Apache Commons CSV. Every problem is an {@link IllegalArgumentException} naming the source, the
 * line and the column, both counted from 1; nothing is returned unless the whole text is valid.
 */
final class NumericCsv {
  /**
   * The header cells (empty without a header), the numeric rows, all of one width, the line where
   * each row starts ({@code lines[i]} for {@code rows[i]}) and the line of the first record (the
   * header, or the first row without one), all counted from 1.
   */
  record Table(List<String> header, double[][] rows, long[] lines, long firstLine) {}

  private final String source;
  private final char delimiter;

  NumericCsv(String source, char delimiter) {
    this.source = source;
    this.delimiter = delimiter;
  }

  /**
   * Returns the records of {@code text}; with {@code hasHeader} the first non-blank record is the
   * header and the others must be as wide. Blank lines are skipped.
   */
  Table parseWithHeader(String text) {
    return parse(text, true);
  }

  Table parseWithoutHeader(String text) {
    return parse(text, false);
  }

  private Table parse(String text, boolean hasHeader) {
    CSVFormat format =
        CSVFormat.DEFAULT.builder()
            .setDelimiter(delimiter)
            .setIgnoreEmptyLines(false)
            .setIgnoreSurroundingSpaces(true)
            .setTrim(true)
            .get();
    List<String> header = List.of();
    List<double[]> rows = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    int width = -1;
    long widthLine = 0;
    String csv = stripByteOrderMark(text);
    long endOfPrevious = 0;
    try (CSVParser parser = CSVParser.parse(csv, format)) {
      for (CSVRecord record : parser) {
        long line = endOfPrevious + 1;
        endOfPrevious = parser.getCurrentLineNumber();
        if (isBlank(record)) {
          continue;
        }
        if (width < 0) {
          width = record.size();
          widthLine = line;
          if (hasHeader) {
            header = List.copyOf(record.toList());
            checkColumnNames(header, line);
            continue;
          }
        } else if (record.size() != width) {
          // The column named is the first one missing from a short row, or the first extra one.
          throw new IllegalArgumentException(at(line) + ", column "
              + (Math.min(record.size(), width) + 1) + ": ragged row: "
              + Dataset.count(record.size(), "column") + ", but line " + widthLine + " has "
              + width);
        }
        rows.add(numbers(record, line));
        lines.add(line);
      }
    } catch (IOException e) {
      throw notCsv(e, csv, endOfPrevious + 1, format);
    } catch (UncheckedIOException e) {
      throw notCsv(e.getCause(), csv, endOfPrevious + 1, format);
    }
    if (width < 0) {
      throw new IllegalArgumentException(source + " is empty");
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(source + " has a header on line " + widthLine
          + " but no data rows");
    }
    return new Table(header, rows.toArray(new double[0][]),
        lines.stream().mapToLong(Long::longValue).toArray(), widthLine);
  }

  /**
   * Returns the error for text that Commons CSV cannot parse, naming {@code line}, where the
   * failing record starts. An unclosed quote runs to the end of the text, so that record parses
   * once a quote is added at the end, and its last cell, the one opened by the quote, is the
   * column named; any other error keeps Commons CSV's message.
   */
  private IllegalArgumentException notCsv(IOException e, String csv, long line, CSVFormat format) {
    try (CSVParser rest = CSVParser.parse(csv.substring(startOf(csv, line)) + '"', format)) {
      Iterator<CSVRecord> records = rest.iterator();
      if (records.hasNext()) {
        return new IllegalArgumentException(at(line) + ", column " + records.next().size()
            + ": not valid CSV: a quoted cell is not closed before the end of the file", e);
      }
    } catch (IOException | UncheckedIOException notAnUnclosedQuote) {
      // Another error: Commons CSV's message says what it is.
    }
    return new IllegalArgumentException(at(line) + ": not valid CSV: " + e.getMessage(), e);
  }

  /**
   * Returns the index in {@code csv} where line {@code line} (counted from 1) starts, counting
   * {@code \r\n}, {@code \r} and {@code \n} as one line break each, as Commons CSV does.
   */
  private static int startOf(String csv, long line) {
    int i = 0;
    for (long l = 1; l < line && i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == csv.length() || csv.charAt(i + 1) != '\n'))) {
        l++;
      }
    }
    return i;
  }

  private double[] numbers(CSVRecord record, long line) {
    double[] row = new double[record.size()];
    for (int c = 0; c < row.length; c++) {
      String cell = record.get(c);
      double v;
      try {
        v = Double.parseDouble(cell);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(at(line) + ", column " + (c + 1)
            + ": not a number: \"" + shown(cell) + "\"" + delimiterHint(cell), e);
      }
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException(
            at(line) + ", column " + (c + 1) + ": not a finite number: \"" + shown(cell) + "\"");
      }
      row[c] = v;
    }
    return row;
  }

  /**
   * Returns, for a cell that is not a number but holds a usual delimiter other than this reader's,
   * a hint that the file is split at that one; otherwise "".
   */
  private String delimiterHint(String cell) {
    for (char other : new char[] {',', ';', '\t', '|'}) {
      if (other != delimiter && cell.indexOf(other) >= 0) {
        return " (the delimiter is " + quoted(delimiter) + "; if the file's cells are split at "
            + quoted(other) + ", set the delimiter to " + quoted(other) + ")";
      }
    }
    return "";
  }

  private static String quoted(char c) {
    return c == '\t' ? "'\\t'" : "'" + c + "'";
  }

  /** Rejects an empty column name or one that appears twice, naming the line and columns. */
  private void checkColumnNames(List<String> header, long line) {
    Map<String, Integer> seen = new HashMap<>();
    for (int c = 0; c < header.size(); c++) {
      String name = header.get(c);
      if (name.isEmpty()) {
        throw new IllegalArgumentException(at(line) + ", column " + (c + 1) + ": empty column name");
      }
      Integer first = seen.putIfAbsent(name, c + 1);
      if (first != null) {
        throw new IllegalArgumentException(at(line) + ": column name \"" + shown(name)
            + "\" appears twice, in columns " + first + " and " + (c + 1));
      }
    }
  }

  /**
   * Returns {@code text} with each line break written as {@code \r} or {@code \n}, so that a
   * message quoting a cell (a quoted cell may hold line breaks) stays one line.
   */
  static String shown(String text) {
    return text.replace("\r", "\\r").replace("\n", "\\n");
  }

  /** Returns {@code "<source> line <line>"}, the start of every message about a record. */
  String at(long line) {
    return source + " line " + line;
  }

  private static boolean isBlank(CSVRecord record) {
    return record.size() == 0 || (record.size() == 1 && record.get(0).isEmpty());
  }

  private static String stripByteOrderMark(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
