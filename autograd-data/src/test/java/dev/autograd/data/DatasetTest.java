package dev.autograd.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DatasetTest {
  private static Dataset numbered(int rows) {
    double[][] x = new double[rows][];
    double[] y = new double[rows];
    for (int i = 0; i < rows; i++) {
      x[i] = new double[] {i, -i};
      y[i] = i % 3;
    }
    return Dataset.of(x, y).asClassification();
  }

  @Test
  void arraysPassedInAndHandedOutAreCopies() {
    double[][] x = {{1, 2}, {3, 4}};
    double[] y = {5, 6};
    Dataset d = Dataset.of(x, y);
    x[0][0] = 99;
    y[0] = 99;
    d.features()[1][1] = 99;
    d.features(1)[0] = 99;
    d.targets()[1] = 99;
    assertArrayEquals(new double[] {1, 2}, d.features(0), 0);
    assertArrayEquals(new double[] {3, 4}, d.features(1), 0);
    assertArrayEquals(new double[] {5, 6}, d.targets(), 0);
  }

  @Test
  void asClassificationNamesClassesUpToTheLargestLabel() {
    Dataset d = Dataset.of(new double[][] {{0}, {0}, {0}}, new double[] {2, 0, 2})
        .asClassification();
    assertEquals(List.of("0", "1", "2"), d.classNames());
    assertArrayEquals(new int[] {1, 0, 2}, d.classCounts());
    assertArrayEquals(new int[] {2, 0, 2}, d.labels());
    assertEquals("Dataset(3 rows x 1 feature, target target, 3 classes)", d.toString());
  }

  @Test
  void toStringCountsOneRowFeatureAndClassInTheSingular() {
    Dataset d = Dataset.of(new double[][] {{0, 1}}, new double[] {0}).asClassification();
    assertEquals("Dataset(1 row x 2 features, target target, 1 class)", d.toString());
  }

  @Test
  void targetRowsHoldEachTargetAsARowOfOne() {
    Dataset d = Dataset.of(new double[][] {{0}, {0}, {0}}, new double[] {2.5, -1, 0});
    double[][] rows = d.targetRows();
    assertArrayEquals(new double[][] {{2.5}, {-1}, {0}}, rows);
    rows[0][0] = 99;
    assertArrayEquals(new double[][] {{2.5}, {-1}, {0}}, d.targetRows());
  }

  @Test
  void oneHotTargetsHaveAOneAtEachRowsLabel() {
    Dataset d = Dataset.of(new double[][] {{0}, {0}, {0}}, new double[] {2, 0, 1})
        .asClassification();
    assertArrayEquals(new double[][] {{0, 0, 1}, {1, 0, 0}, {0, 1, 0}}, d.oneHotTargets());
  }

  @Test
  void selectTakesRowsInTheGivenOrderWithTheNames() {
    Dataset d = Datasets.iris().select(new int[] {149, 0, 0});
    assertEquals(3, d.size());
    assertArrayEquals(new int[] {2, 0, 0}, d.labels());
    assertArrayEquals(Datasets.iris().features(149), d.features(0), 0);
    assertEquals(Datasets.iris().featureNames(), d.featureNames());
    assertEquals(Datasets.iris().classNames(), d.classNames());
  }

  @Test
  void minibatchesCoverEveryRowOnceInBatchesOfTheGivenSizeThenTheRest() {
    Dataset d = numbered(10);
    List<Dataset> batches = d.minibatches(4, new Random(3));
    assertEquals(List.of(4, 4, 2), batches.stream().map(Dataset::size).toList());
    List<Double> seen = new ArrayList<>();
    for (Dataset b : batches) {
      for (int i = 0; i < b.size(); i++) {
        seen.add(b.feature(i, 0));
        assertEquals(b.feature(i, 0) % 3, b.target(i), 0);
        assertEquals(-b.feature(i, 0), b.feature(i, 1), 0);
      }
    }
    List<Double> sorted = new ArrayList<>(seen);
    Collections.sort(sorted);
    assertEquals(List.of(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0), sorted);
    List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
    Collections.shuffle(order, new Random(3));
    assertEquals(order.stream().map(Integer::doubleValue).toList(), seen);
  }

  @Test
  void oneSeededRandomGivesAReproducibleNewOrderEachEpoch() {
    Dataset d = numbered(50);
    Random a = new Random(11);
    Random b = new Random(11);
    double[] epoch1 = firstColumn(d.minibatches(50, a).get(0));
    double[] epoch2 = firstColumn(d.minibatches(50, a).get(0));
    assertArrayEquals(epoch1, firstColumn(d.minibatches(50, b).get(0)), 0);
    assertArrayEquals(epoch2, firstColumn(d.minibatches(50, b).get(0)), 0);
    assertNotEquals(Arrays.toString(epoch1), Arrays.toString(epoch2));
  }

  @Test
  void batchesOfOneRowAreAllowed() {
    assertEquals(3, numbered(3).minibatches(1, new Random(0)).size());
  }

  @Test
  void theLargestAcceptedClassLabelIs65535() {
    Dataset d = Dataset.of(new double[][] {{0}}, new double[] {65_535}).asClassification();
    assertEquals(65_536, d.classCount());
  }

  private static double[] firstColumn(Dataset d) {
    double[] column = new double[d.size()];
    for (int i = 0; i < column.length; i++) {
      column[i] = d.feature(i, 0);
    }
    return column;
  }

  @Test
  void aDatasetBuiltInCodeHasNoSourceLinesOrColumns() {
    Dataset d = numbered(3);
    assertEquals(OptionalLong.empty(), d.sourceLine(2));
    assertEquals(OptionalInt.empty(), d.sourceColumn(1));
    assertEquals(OptionalInt.empty(), d.targetSourceColumn());
    assertEquals(OptionalLong.empty(), d.select(new int[] {2}).sourceLine(0));
  }

  /** Returns every row's source line. */
  private static long[] lines(Dataset d) {
    long[] lines = new long[d.size()];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = d.sourceLine(i).orElseThrow();
    }
    return lines;
  }

  @Test
  void eachRowKeepsItsSourceLineThroughSubsetsSplitsRenamesAndStandardising() {
    // Row i (target i) is on line 2 + 2 i: a blank line after each row.
    StringBuilder text = new StringBuilder("a,b,t\n");
    for (int i = 0; i < 10; i++) {
      text.append(i).append(',').append(i * i).append(',').append(i).append("\n\n");
    }
    Dataset d = CsvDatasetReader.withHeader("t").read(text.toString(), "rows.csv");
    for (Dataset part : derived(d)) {
      for (int i = 0; i < part.size(); i++) {
        assertEquals(2 + 2 * (long) part.target(i), part.sourceLine(i).orElseThrow(), part + " row "
            + i);
      }
      assertEquals(OptionalInt.of(3), part.targetSourceColumn());
      assertEquals(OptionalInt.of(2), part.sourceColumn(1));
    }
    // The split moves rows: its test part is not the file's first three rows in order.
    TrainTestSplit split = TrainTestSplit.shuffled(d, 0.3, 7);
    assertNotEquals(Arrays.toString(new long[] {2, 4, 6}), Arrays.toString(lines(split.test())));
  }

  @Test
  void aTargetReadFromAFileThatIsNotAClassLabelIsNamedByItsLineAndColumnThere() {
    // Line 3 is blank and the target is the first column. Both checks named only "targets[i]",
    // a row of the dataset, for data read from a file.
    Dataset d = CsvDatasetReader.withHeader("t").read("t,a\n0,1\n\n1.5,2\n7e4,3\n", "labels.csv");
    assertEquals("targets[2] = 70000.0 (line 5, column 1 of its file) is not a class label in"
        + " [0, 65535]", assertThrows(IllegalArgumentException.class,
            d::asClassification).getMessage());
    assertEquals("targets[1] = 1.5 (line 4, column 1 of its file) is not a class label in [0, 2)"
        + " for class names [p, q]", assertThrows(IllegalArgumentException.class,
            () -> d.select(new int[] {0, 1}).withClassNames(List.of("p", "q"))).getMessage());
  }

  /** Returns datasets derived from {@code d} in every way that keeps its rows' identity. */
  private static List<Dataset> derived(Dataset d) {
    TrainTestSplit split = TrainTestSplit.shuffled(d, 0.3, 7);
    TrainTestSplit stratified = TrainTestSplit.stratified(d.asClassification(), 0.5, 3);
    List<Dataset> all = new ArrayList<>(List.of(d, d.select(new int[] {9, 0, 9}), split.train(),
        split.test(), stratified.train(), stratified.test(),
        d.withFeatureNames(List.of("p", "q")).withTargetName("u"),
        Standardizer.fit(split.train()).transform(split.test())));
    all.addAll(d.minibatches(4, new Random(1)));
    return all;
  }
}
