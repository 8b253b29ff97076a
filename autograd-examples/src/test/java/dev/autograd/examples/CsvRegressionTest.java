package dev.autograd.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autograd.data.Dataset;
import dev.autograd.data.Datasets;
import dev.autograd.data.TrainTestSplit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CsvRegressionTest {
  @TempDir static Path dir;

  private static final String USAGE = Cli.usage(new CsvRegression());

  private static Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  /** Writes {@code data} as CSV with a header, every number as Java prints it (exactly). */
  private static Path csv(String name, Dataset data) throws IOException {
    StringBuilder text = new StringBuilder(String.join(",", data.featureNames()))
        .append(',').append(data.targetName()).append('\n');
    for (int i = 0; i < data.size(); i++) {
      for (double x : data.features(i)) {
        text.append(x).append(',');
      }
      text.append(data.target(i)).append('\n');
    }
    return file(name, text.toString());
  }

  @Test
  void theDiabetesDataAsAFileGiveTheDiabetesExamplesNumbers() throws IOException {
    Path file = csv("diabetes.csv", Datasets.diabetes());
    Run csv = Run.of(CsvRegression::run, file.toString(), "--target", "progression", "--quiet");
    Run diabetes = Run.of(DiabetesRegression::run, "--quiet");
    assertEquals(0, csv.code(), csv.err());
    List<String> csvLines = csv.out().lines().toList();
    List<String> diabetesLines = diabetes.out().lines().toList();
    assertEquals("diabetes.csv: 353 training rows, 89 test rows; sgd lr 0.01, 200 epochs,"
        + " minibatches of 32, seed 42", csvLines.get(0));
    assertEquals(diabetesLines.subList(1, diabetesLines.size()),
        csvLines.subList(1, csvLines.size()));
  }

  @Test
  void findsAnExactLinearRelationByColumnNumberWithoutAHeaderAndDrawsIt() throws IOException {
    // target = 3 a - 2 b + 5, the target in column 2 of 3, cells split by tabs. On standardised
    // features the weights are 3 and -2 times each column's deviation, the bias the mean target.
    Random random = new Random(5);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      double a = random.nextGaussian();
      double b = random.nextGaussian();
      text.append(a).append('\t').append(3 * a - 2 * b + 5).append('\t').append(b).append('\n');
    }
    Path file = file("linear.tsv", text.toString());
    Path png = dir.resolve("linear.png");
    Run run = Run.of(CsvRegression::run, file.toString(), "--no-header", "--target-column", "2",
        "--delimiter", "\\t", "--quiet", "--plot", png.toString());
    run.assertWrotePng(png, 600, 520);
    String[] lines = run.out().split("\n");
    assertEquals("linear.tsv: 80 training rows, 20 test rows; sgd lr 0.01, 200 epochs,"
        + " minibatches of 32, seed 42", lines[0]);
    assertTrue(lines[2].matches("  x0 +\\d\\.\\d{3}"), lines[2]);
    assertTrue(lines[3].matches("  x1 +-\\d\\.\\d{3}"), lines[3]);
    assertTrue(lines[4].matches("  bias +\\d\\.\\d{3}"), lines[4]);
    assertEquals("Training MSE 0.0, test MSE 0.0 (RMSE 0.0)", lines[5]);
  }

  /** One bad file or target: the arguments after the file and the error line. */
  record BadFile(String name, String content, List<String> args, String message) {
    @Override
    public String toString() {
      return name + " " + String.join(" ", args);
    }
  }

  static Stream<BadFile> badFiles() {
    return Stream.of(
        new BadFile("empty.csv", "", List.of("--target", "y"), "FILE is empty"),
        new BadFile("ragged.csv", "a,y\n1,2\n3\n", List.of("--target", "y"),
            "FILE line 3, column 2: ragged row: 1 column, but line 1 has 2"),
        new BadFile("words.csv", "a,y\n1,2\n3,four\n", List.of("--target", "y"),
            "FILE line 3, column 2: not a number: \"four\""),
        new BadFile("nan.csv", "a,y\n1,NaN\n3,4\n", List.of("--target", "y"),
            "FILE line 2, column 2: not a finite number: \"NaN\""),
        new BadFile("semicolons.csv", "a;y\n1;2\n3;4\n", List.of("--target", "y"),
            "FILE line 2, column 1: not a number: \"1;2\" (the delimiter is ','; if the file's"
                + " cells are split at ';', set the delimiter to ';')"),
        new BadFile("price.csv", "a,y\n1,2\n3,4\n", List.of("--target", "price"),
            "FILE line 1: target column \"price\" not in the header: [a, y]"),
        new BadFile("three.csv", "a,y\n1,2\n3,4\n", List.of("--target-column", "3"),
            "FILE line 1, column 3: no target column there (index 2): the rows have 2 columns"),
        new BadFile("header.csv", "a,y\n", List.of("--target", "y"),
            "FILE has a header on line 1 but no data rows"),
        new BadFile("one.csv", "a,y\n1,2\n", List.of("--target", "y"),
            "FILE has 1 data row; needs at least 2 (to train on and to test on)"),
        new BadFile("huge.csv", "a,y\n1e200,1\n-1e200,2\n1e200,3\n-1e200,4\n1e200,5\n",
            List.of("--target", "y"), "FILE: feature column 0 (a, column 1 of its file) cannot be"
                + " standardised: its variance overflows (Infinity); values reach 1.0E200"),
        // It said "FILE: target column (price) is too large for the MSE loss: the sum of its
        // squares overflows (Infinity); values reach 3.0E200", without the line.
        new BadFile("hugetarget.csv", "a,b,price\n1,7,3\n4,7,3e200\n1,7,1\n2,7,2\n9,7,7\n",
            List.of("--target", "price"), "FILE line 3, column 3 (price): 3.0E200 is too large a"
                + " target for the MSE loss: the sum of the target column's squares overflows"
                + " (Infinity)"),
        // Line 3 holds a quoted cell with a line break in it and line 5 is blank; every line
        // ends in CRLF: the huge target is on the file's line 6 (data row 2), in column 2.
        new BadFile("crlftarget.csv", "a,price,b\r\n1,3,7\r\n4,\"6\n\",7\r\n\r\n1,3e200,7\r\n"
            + "2,2,7\r\n9,7,7\r\n", List.of("--target-column", "2"), "FILE line 6, column 2"
                + " (price): 3.0E200 is too large a target for the MSE loss: the sum of the target"
                + " column's squares overflows (Infinity)"),
        // The test row (line 3, seed 42) lies 1e350 training standard deviations out: it said
        // "FILE: the test part's row 0, column 1 (b): ...", without the file's line.
        new BadFile("far.csv", "a,b,price\n1,1e-150,3\n4,1e200,6\n1,2e-150,1\n2,3e-150,2\n"
            + "9,4e-150,7\n", List.of("--target", "price"), "FILE line 3, column 2 (b): 1.0E200"
                + " standardises to Infinity (mean 2.5E-150, scale 1.1180339887498949E-150): a"
                + " test row lies too far outside the training rows' range"),
        // Ten rows, seed 42: the test part is data rows 4 and 6 (TrainTestSplit's draw), so the
        // far value of data row 6 is the test part's row 1. Line 3 holds a quoted cell with a
        // line break, line 5 is blank, lines end in CRLF: data row 6 is on line 10.
        new BadFile("crlffar.csv", "a,price,b\r\n1,3,1e-150\r\n4,\"6\n\",2e-150\r\n\r\n"
            + "1,1,3e-150\r\n2,2,4e-150\r\n9,7,5e-150\r\n3,4,6e-150\r\n5,5,1e200\r\n"
            + "6,6,7e-150\r\n7,7,8e-150\r\n8,8,9e-150\r\n", List.of("--target", "price"),
            "FILE line 10, column 3 (b): 1.0E200 standardises to Infinity (mean 5.0E-150, scale"
                + " 2.738612787525831E-150): a test row lies too far outside the training rows'"
                + " range"),
        new BadFile("named.csv", "1,2\n3,4\n", List.of("--no-header", "--target", "y"),
            "--no-header needs --target-column N: a file without a header has no column names"),
        new BadFile("both.csv", "a,y\n1,2\n3,4\n", List.of("--target", "y", "--target-column",
            "2"), "--target and --target-column exclude each other; give one"),
        new BadFile("neither.csv", "a,y\n1,2\n3,4\n", List.of(),
            "name the target column: --target NAME or --target-column N"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void aBadFileOrTargetExitsWithTwoNamingTheFileLineAndColumnBeforeTraining(BadFile bad)
      throws IOException {
    Path file = file(bad.name(), bad.content());
    String[] args = Stream.concat(Stream.of(file.toString()), bad.args().stream())
        .toArray(String[]::new);
    Run.of(CsvRegression::run, args).assertRejected(USAGE,
        "CsvRegression: error: " + bad.message().replace("FILE", file.toString()));
  }

  @Test
  void theTenRowSplitOfCrlfFarHoldsOutDataRowSixAsTheTestPartsRowOne() {
    // crlffar.csv's far value (data row 6) must not sit at its file position in the test part.
    assertArrayEquals(new int[] {4, 6}, TrainTestSplit.shuffled(Dataset.of(new double[10][1],
        new double[10]), RegressionTraining.TEST_FRACTION, 42).testRows());
  }

  /** The five rows of {@link #fiveRows}: feature a, feature b (7 in every row), target price. */
  private static final double[][] FIVE_ROWS = {{1, 7, 3}, {4, 7, 6}, {1, 7, 1}, {2, 7, 2}, {9, 7, 7}};

  /** The row (from 0) that the default split (seed 42) holds out of five for testing. */
  private static int heldOutOfFive() {
    int[] test = TrainTestSplit.shuffled(Dataset.of(new double[5][1], new double[5]),
        RegressionTraining.TEST_FRACTION, 42).testRows();
    assertEquals(1, test.length);
    return test[0];
  }

  /**
   * Writes {@link #FIVE_ROWS} with a header {@code a,b,price}, the held-out row's column {@code
   * column} replaced by {@code cell}.
   */
  private static Path fiveRows(String name, int column, String cell) throws IOException {
    int heldOut = heldOutOfFive();
    StringBuilder text = new StringBuilder("a,b,price\n");
    for (int i = 0; i < FIVE_ROWS.length; i++) {
      for (int j = 0; j < 3; j++) {
        text.append(i == heldOut && j == column ? cell : String.valueOf(FIVE_ROWS[i][j]))
            .append(j < 2 ? "," : "\n");
      }
    }
    return file(name, text.toString());
  }

  @Test
  void aFeatureConstantInTheTrainingRowsGetsCoefficientZeroAndMovesNoTestPrediction()
      throws IOException {
    Run same = Run.of(CsvRegression::run, fiveRows("same.csv", 1, "7").toString(), "--target",
        "price", "--quiet");
    assertEquals(0, same.code(), same.err());
    String[] lines = same.out().split("\n");
    assertEquals("  b        0.000  (constant in the training rows)", lines[3]);
    assertTrue(lines[2].matches("  a +-?\\d+\\.\\d{3}"), lines[2]);
    // b differs in the test row only: its weight is 0, so the test prediction is the same.
    Run other = Run.of(CsvRegression::run, fiveRows("other.csv", 1, "1000").toString(),
        "--target", "price", "--quiet");
    assertEquals(0, other.code(), other.err());
    assertEquals(same.out().replace("same.csv", "other.csv"), other.out());
  }

  @Test
  void aFeatureConstantInTrainingThatOverflowsWhenStandardisedInATestRowMovesNothing()
      throws IOException {
    // b is 1e308 in the training rows and -1e308 in the held-out row: standardised on the
    // training rows (mean 1e308, scale 1) it would be -Infinity there, which was rejected as a
    // bad file ("row 0, column 1 (b): -1.0E308 standardises to -Infinity") though b's weight is 0.
    int heldOut = heldOutOfFive();
    StringBuilder same = new StringBuilder("a,b,price\n");
    StringBuilder far = new StringBuilder("a,b,price\n");
    for (int i = 0; i < FIVE_ROWS.length; i++) {
      String row = ",%s," + FIVE_ROWS[i][2] + "\n";
      same.append(FIVE_ROWS[i][0]).append(String.format(row, "1e308"));
      far.append(FIVE_ROWS[i][0]).append(String.format(row, i == heldOut ? "-1e308" : "1e308"));
    }
    Run expected = Run.of(CsvRegression::run, file("big.csv", same.toString()).toString(),
        "--target", "price", "--quiet");
    Run run = Run.of(CsvRegression::run, file("flip.csv", far.toString()).toString(),
        "--target", "price", "--quiet");
    assertEquals(0, run.code(), run.err());
    assertEquals("  b        0.000  (constant in the training rows)", run.out().split("\n")[3]);
    assertEquals(expected.out().replace("big.csv", "flip.csv"), run.out());
    assertEquals("", run.err());
  }

  @Test
  void aConstantFeatureWhoseMeanRoundsAwayFromItsValueStillGetsCoefficientZero()
      throws IOException {
    // Ten rows, eight of them training rows: the sum of eight 0.1 divided by 8 is
    // 0.09999999999999999, so the Standardizer's scale is 0.1 minus that (2^-56), not 0, and b
    // standardises to 1 in every row: a second bias, if its weight were trained.
    StringBuilder text = new StringBuilder("a,b,price\n");
    for (int i = 0; i < 10; i++) {
      text.append(i).append(",0.1,").append(2 * i + 1).append('\n');
    }
    Run run = Run.of(CsvRegression::run, file("tenth.csv", text.toString()).toString(),
        "--target", "price", "--quiet");
    assertEquals(0, run.code(), run.err());
    assertEquals("  b        0.000  (constant in the training rows)", run.out().split("\n")[3]);
  }

  @Test
  void aTestRowFarOutsideTheTrainingRowsWarnsThatTheTestMseIsNotFinite() throws IOException {
    Run run = Run.of(CsvRegression::run, fiveRows("far.csv", 0, "1e200").toString(),
        "--target", "price", "--quiet");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("test MSE Infinity"), run.out());
    assertEquals("CsvRegression: warning: the test MSE is Infinity though the training MSE is"
        + " finite: some test rows lie far outside the training rows' range\n", run.err());
  }

  @Test
  void aTooLargeLearningRateOnSaneDataStillWarnsThatTheRunDiverged() throws IOException {
    Run run = Run.of(CsvRegression::run, fiveRows("sane.csv", 1, "7").toString(), "--target",
        "price", "--lr", "1e3", "--quiet");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.err().startsWith("CsvRegression: warning: the run diverged: the loss is not"
        + " finite from epoch "), run.err());
    assertTrue(run.err().endsWith(" (try a smaller --lr)\n"), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
  }

  @Test
  void oneEpochIsCalledOneEpoch() throws IOException {
    Path file = file("five.csv", "a,y\n1,2\n2,4\n3,6\n4,8\n5,10\n");
    Run run = Run.of(CsvRegression::run, file.toString(), "--target", "y", "--epochs", "1",
        "--quiet");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().startsWith("five.csv: 4 training rows, 1 test row; sgd lr 0.01, 1 epoch,"
        + " minibatches of 32, seed 42\n"), run.out());
  }

  @Test
  void aMissingFileOrADirectoryIsRejectedByName() {
    Path missing = dir.resolve("missing.csv");
    Run.of(CsvRegression::run, missing.toString(), "--target", "y").assertRejected(USAGE,
        "CsvRegression: error: " + missing + ": no such file or directory");
    Run.of(CsvRegression::run, dir.toString(), "--target", "y").assertRejected(USAGE,
        "CsvRegression: error: " + dir + " is a directory, not a CSV file");
    Run.of(CsvRegression::run, "--target", "y").assertRejected(USAGE,
        "CsvRegression: error: missing FILE");
  }

  @Test
  void aBadDelimiterIsRejectedWhileParsing() {
    Run.of(CsvRegression::run, "x.csv", "--target", "y", "--delimiter", ";;").assertRejected(
        USAGE, "CsvRegression: error: --delimiter must be one character (or \\t for a tab),"
            + " got ';;'");
    Run.of(CsvRegression::run, "x.csv", "--target", "y", "--delimiter", "\"").assertRejected(
        USAGE, "CsvRegression: error: --delimiter cannot be a quote or a line break, got '\"'");
    assertFalse(Arrays.asList(dir.toFile().list()).contains("x.csv"));
  }

  @Test
  void theLauncherRunsItAsCsv() throws IOException {
    Path file = file("small.csv", "a,y\n1,2\n2,4\n3,6\n4,8\n5,10\n");
    Run run = Run.of(Launcher::run, "csv", file.toString(), "--target", "y", "--quiet");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().startsWith("small.csv: 4 training rows, 1 test row;"), run.out());
  }
}
