package dev.autograd.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input matrix of autograd-data: one row per public entry point and kind of bad input,
 * with the standard exception it must throw and its exact message, naming the file, line and
 * column for data files, and the offending values otherwise. Rejected calls return nothing, so
 * nothing is half-loaded; the shared fixture dataset is checked unchanged after every row.
 */
class BadInputTest {
  @TempDir static Path dir;

  private static final Dataset SMALL = Dataset.of(
      new double[][] {{1, 2}, {3, 4}, {5, 6}}, new double[] {0, 1, 1}).asClassification();
  private static final String SMALL_STATE = state(SMALL);

  /** A call that may throw, checked exceptions included. */
  @FunctionalInterface
  interface Call {
    void run() throws Exception;
  }

  /** One rejected call: where, what is wrong, the exception and its message. */
  record Row(String entryPoint, String badInput, Class<? extends Exception> thrown,
      String message, Call call) {
    @Override
    public String toString() {
      return entryPoint + " with " + badInput;
    }
  }

  private static Path file(String name, String content) {
    try {
      return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Row csv(String badInput, String content, CsvDatasetReader reader,
      String message) {
    String name = badInput.replaceAll("[^a-z0-9]+", "-") + ".csv";
    return new Row("CsvDatasetReader.read", badInput, IllegalArgumentException.class,
        message.replace("FILE", dir.resolve(name).toString()),
        () -> reader.read(file(name, content)));
  }

  static Stream<Row> rows() {
    CsvDatasetReader byName = CsvDatasetReader.withHeader("y");
    CsvDatasetReader byIndex = CsvDatasetReader.withoutHeader(1);
    return Stream.of(
        new Row("CsvDatasetReader.read", "a missing file", NoSuchFileException.class,
            dir.resolve("absent.csv").toString(), () -> byName.read(dir.resolve("absent.csv"))),
        new Row("CsvDatasetReader.read", "a directory", java.io.IOException.class,
            dir + " is a directory, not a CSV file", () -> byName.read(dir)),
        new Row("CsvDatasetReader.read", "a null file", NullPointerException.class, "file",
            () -> byName.read(null)),
        csv("an empty file", "", byName, "FILE is empty"),
        csv("a blank file", "\n \n\n", byIndex, "FILE is empty"),
        csv("a header only", "a,y\n", byName, "FILE has a header on line 1 but no data rows"),
        csv("a ragged row", "a,y\n1,2\n3,4\n5,6,7\n", byName,
            "FILE line 4, column 3: ragged row: 3 columns, but line 1 has 2"),
        csv("a short row after a blank line", "1,2\n\n3\n", byIndex,
            "FILE line 3, column 2: ragged row: 1 column, but line 1 has 2"),
        csv("a non-numeric cell", "a,y\n1,2\n3,abc\n", byName,
            "FILE line 3, column 2: not a number: \"abc\""),
        csv("cells split at ';'", "a;y\n1;2\n", byName,
            "FILE line 2, column 1: not a number: \"1;2\" (the delimiter is ','; if the"
                + " file's cells are split at ';', set the delimiter to ';')"),
        csv("cells split at tabs, read at ';'", "1\t2\n", byIndex.delimiter(';'),
            "FILE line 1, column 1: not a number: \"1\t2\" (the delimiter is ';'; if the"
                + " file's cells are split at '\\t', set the delimiter to '\\t')"),
        csv("an empty cell", "1,2\n,4\n", byIndex, "FILE line 2, column 1: not a number: \"\""),
        csv("a NaN cell", "1,2\nNaN,4\n", byIndex,
            "FILE line 2, column 1: not a finite number: \"NaN\""),
        csv("an infinite cell", "1,2\n3,-Infinity\n", byIndex,
            "FILE line 2, column 2: not a finite number: \"-Infinity\""),
        csv("a line after a quoted line break", "a,y\n\"1\n\",2\n3,x\n", byName,
            "FILE line 4, column 2: not a number: \"x\""),
        csv("a cell holding a line break", "a,y\n1,2\n\"3\r\n4\",5\n", byName,
            "FILE line 3, column 1: not a number: \"3\\r\\n4\""),
        csv("a header name holding a line break, twice", "\"a\nb\",\"a\nb\",y\n1,2,3\n",
            byName, "FILE line 1: column name \"a\\nb\" appears twice, in columns 1 and 2"),
        csv("a header with a line break but no target", "\"a\nb\",c\n1,2\n", byName,
            "FILE line 1: target column \"y\" not in the header: [a\\nb, c]"),
        csv("a missing target name", "a,b\n1,2\n", byName,
            "FILE line 1: target column \"y\" not in the header: [a, b]"),
        csv("a missing target name after blank lines", "\n\na,b\n1,2\n", byName,
            "FILE line 3: target column \"y\" not in the header: [a, b]"),
        csv("a target name twice", "y,a,y\n1,2,3\n", byName,
            "FILE line 1: column name \"y\" appears twice, in columns 1 and 3"),
        csv("a feature name twice", "\na,b,a,y\n1,2,3,4\n", byName,
            "FILE line 2: column name \"a\" appears twice, in columns 1 and 3"),
        csv("an empty column name", "a,,y\n1,2,3\n", byName,
            "FILE line 1, column 2: empty column name"),
        csv("a target index past the last column", "1,2\n3,4\n",
            CsvDatasetReader.withoutHeader(2),
            "FILE line 1, column 3: no target column there (index 2): the rows have 2 columns"),
        csv("a single column", "1\n2\n", CsvDatasetReader.withoutHeader(0),
            "FILE has 1 column; needs at least 2 (one feature and the target)"),
        csv("an unclosed quote", "1,2\n\"3,4\n", byIndex,
            "FILE line 2, column 1: not valid CSV: a quoted cell is not closed before the end of"
                + " the file"),
        csv("an unclosed quote after a quoted line break", "a,y\n\"1\n\",2\n3,\"4\n5,6\n", byName,
            "FILE line 4, column 2: not valid CSV: a quoted cell is not closed before the end of"
                + " the file"),
        csv("an unclosed quote in a record with a quoted line break", "1,2\r\n\"3\r\n\",4,\"5\n",
            byIndex, "FILE line 2, column 3: not valid CSV: a quoted cell is not closed before the"
                + " end of the file"),
        csv("a character after a closing quote", "a,y\n1,2\n3,\"4\"x\n", byName,
            "FILE line 3: not valid CSV: Invalid character between encapsulated token and"
                + " delimiter at line: 3, position: 14"),
        new Row("CsvDatasetReader.read", "a file that is not UTF-8",
            IllegalArgumentException.class, dir.resolve("latin1.csv") + " is not UTF-8 text",
            () -> byIndex.read(Files.write(dir.resolve("latin1.csv"),
                new byte[] {'1', ',', (byte) 0xE9, '\n'}))),
        new Row("CsvDatasetReader.withHeader", "a null name", NullPointerException.class,
            "targetName", () -> CsvDatasetReader.withHeader(null)),
        new Row("CsvDatasetReader.withHeader", "index -1", IllegalArgumentException.class,
            "targetIndex must be at least 0, got -1", () -> CsvDatasetReader.withHeader(-1)),
        new Row("CsvDatasetReader.withoutHeader", "index -2", IllegalArgumentException.class,
            "targetIndex must be at least 0, got -2", () -> CsvDatasetReader.withoutHeader(-2)),
        new Row("CsvDatasetReader.delimiter", "a quote", IllegalArgumentException.class,
            "delimiter must not be a line break or a quote, got 34", () -> byName.delimiter('"')),
        new Row("Dataset.of", "null features", NullPointerException.class, "features",
            () -> Dataset.of(null, new double[0])),
        new Row("Dataset.of", "null targets", NullPointerException.class, "targets",
            () -> Dataset.of(new double[0][], null)),
        new Row("Dataset.of", "no rows", IllegalArgumentException.class,
            "a dataset needs at least one row, got 0", () -> Dataset.of(new double[0][], new double[0])),
        new Row("Dataset.of", "no columns", IllegalArgumentException.class,
            "a dataset needs at least one feature, got 0 columns",
            () -> Dataset.of(new double[][] {{}}, new double[] {1})),
        new Row("Dataset.of", "a null row", NullPointerException.class, "features[1] is null",
            () -> Dataset.of(new double[][] {{1}, null}, new double[] {1, 2})),
        new Row("Dataset.of", "ragged rows", IllegalArgumentException.class,
            "ragged features: features[1] has 1 column, but features[0] has 2",
            () -> Dataset.of(new double[][] {{1, 2}, {3}}, new double[] {1, 2})),
        new Row("Dataset.of", "2 rows and 1 target", IllegalArgumentException.class,
            "features has 2 rows but targets has 1",
            () -> Dataset.of(new double[][] {{1}, {2}}, new double[] {1})),
        new Row("Dataset.of", "a NaN feature", IllegalArgumentException.class,
            "features[1][0] must be finite, got NaN",
            () -> Dataset.of(new double[][] {{1}, {Double.NaN}}, new double[] {1, 2})),
        new Row("Dataset.of", "an infinite target", IllegalArgumentException.class,
            "targets[0] must be finite, got Infinity",
            () -> Dataset.of(new double[][] {{1}}, new double[] {Double.POSITIVE_INFINITY})),
        new Row("Dataset.withFeatureNames", "1 name for 2 columns",
            IllegalArgumentException.class, "expected 2 feature names, got 1: [a]",
            () -> SMALL.withFeatureNames(List.of("a"))),
        new Row("Dataset.withClassNames", "a label past the names", IllegalArgumentException.class,
            "targets[1] = 1.0 is not a class label in [0, 1) for class names [only]",
            () -> SMALL.withClassNames(List.of("only"))),
        new Row("Dataset.asClassification", "a fractional target",
            IllegalArgumentException.class,
            "targets[0] = 0.5 is not a class label in [0, 1) for class names [0]",
            () -> Dataset.of(new double[][] {{1}}, new double[] {0.5}).asClassification()),
        new Row("Dataset.asClassification", "a negative target", IllegalArgumentException.class,
            "targets[1] = -1.0 is not a class label in [0, 1) for class names [0]",
            () -> Dataset.of(new double[][] {{1}, {2}}, new double[] {0, -1})
                .asClassification()),
        new Row("Dataset.asClassification", "a huge target", IllegalArgumentException.class,
            "targets[0] = 1.0E9 is not a class label in [0, 65535]",
            () -> Dataset.of(new double[][] {{1}}, new double[] {1e9}).asClassification()),
        new Row("Dataset.labels", "a regression set", IllegalStateException.class,
            "dataset with target 'target' has no class names: not a classification set",
            () -> Dataset.of(new double[][] {{1}}, new double[] {0.5}).labels()),
        new Row("Dataset.label", "a regression set", IllegalStateException.class,
            "dataset with target 'target' has no class names: not a classification set",
            () -> Dataset.of(new double[][] {{1}}, new double[] {0}).label(0)),
        new Row("Dataset.oneHotTargets", "a regression set", IllegalStateException.class,
            "dataset with target 'target' has no class names: not a classification set",
            () -> Dataset.of(new double[][] {{1}}, new double[] {0}).oneHotTargets()),
        new Row("Dataset.features(int)", "row 3 of 3", IndexOutOfBoundsException.class,
            "row 3 out of range [0, 3)", () -> SMALL.features(3)),
        new Row("Dataset.sourceLine", "row -1", IndexOutOfBoundsException.class,
            "row -1 out of range [0, 3)", () -> SMALL.sourceLine(-1)),
        new Row("Dataset.sourceColumn", "column 2 of 2", IndexOutOfBoundsException.class,
            "column 2 out of range [0, 2)", () -> SMALL.sourceColumn(2)),
        new Row("Dataset.feature", "column 2 of 2", IndexOutOfBoundsException.class,
            "column 2 out of range [0, 2)", () -> SMALL.feature(0, 2)),
        new Row("Dataset.select", "row -1", IndexOutOfBoundsException.class,
            "row -1 out of range [0, 3)", () -> SMALL.select(new int[] {0, -1})),
        new Row("Dataset.select", "no rows", IllegalArgumentException.class,
            "a dataset needs at least one row, got 0", () -> SMALL.select(new int[0])),
        new Row("Dataset.minibatches", "batch size 0", IllegalArgumentException.class,
            "batchSize must be at least 1, got 0", () -> SMALL.minibatches(0, new Random(1))),
        new Row("Dataset.minibatches", "a null random", NullPointerException.class, "random",
            () -> SMALL.minibatches(2, null)),
        new Row("TrainTestSplit.stratified", "fraction 0", IllegalArgumentException.class,
            "testFraction must be strictly between 0 and 1, got 0.0",
            () -> TrainTestSplit.stratified(SMALL, 0, 1)),
        new Row("TrainTestSplit.shuffled", "fraction NaN", IllegalArgumentException.class,
            "testFraction must be strictly between 0 and 1, got NaN",
            () -> TrainTestSplit.shuffled(SMALL, Double.NaN, 1)),
        new Row("TrainTestSplit.shuffled", "a fraction leaving no training rows",
            IllegalArgumentException.class,
            "testFraction 0.9 of 3 rows leaves no training rows (test part of 3)",
            () -> TrainTestSplit.shuffled(SMALL, 0.9, 1)),
        new Row("TrainTestSplit.stratified", "a regression set", IllegalStateException.class,
            "dataset with target 'target' has no class names: not a classification set",
            () -> TrainTestSplit.stratified(
                Dataset.of(new double[][] {{1}, {2}}, new double[] {1, 2}), 0.5, 1)),
        new Row("Standardizer.fit", "null data", NullPointerException.class, "data",
            () -> Standardizer.fit(null)),
        new Row("Standardizer.transform", "3 columns for 2", IllegalArgumentException.class,
            "standardizer was fitted on 2 feature columns, got 3",
            () -> Standardizer.fit(SMALL).transform(new double[3])),
        new Row("Standardizer.transform", "a dataset of 1 column",
            IllegalArgumentException.class, "standardizer was fitted on 2 feature columns, got 1",
            () -> Standardizer.fit(SMALL).transform(
                Dataset.of(new double[][] {{1}}, new double[] {1}))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void rejectsWithAStandardExceptionNamingTheValues(Row row) {
    Exception e = assertThrows(row.thrown(), row.call()::run);
    assertEquals(row.message(), e.getMessage());
    assertEquals(SMALL_STATE, state(SMALL));
  }

  @org.junit.jupiter.api.Test
  void everyPublicTypeWithChecksHasAtLeastOneRow() {
    List<String> covered = rows().map(Row::entryPoint).toList();
    for (String type : List.of("CsvDatasetReader", "Dataset", "TrainTestSplit", "Standardizer")) {
      assertEquals(true, covered.stream().anyMatch(p -> p.startsWith(type + ".")), type);
    }
  }

  private static String state(Dataset d) {
    return java.util.Arrays.deepToString(d.features()) + java.util.Arrays.toString(d.targets())
        + d.featureNames() + d.targetName() + d.classNames();
  }
}
