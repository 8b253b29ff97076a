package dev.autograd.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TrainTestSplitTest {
  @Test
  void digitsSplit80To20Has1437TrainingRowsAndEachClassShareWithinOneOfScikitLearns() {
    Dataset digits = Datasets.digits();
    TrainTestSplit split = TrainTestSplit.stratified(digits, 0.2, 42);
    assertEquals(1437, split.train().size());
    assertEquals(360, split.test().size());
    // np.bincount(train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)[3]);
    // scikit-learn breaks the tie between classes 1 and 5 at random, this split by label.
    int[] sklearn = {36, 36, 35, 37, 36, 37, 36, 36, 35, 36};
    assertArrayEquals(new int[] {36, 37, 35, 37, 36, 36, 36, 36, 35, 36},
        split.test().classCounts());
    int[] test = split.test().classCounts();
    int[] train = split.train().classCounts();
    for (int k = 0; k < 10; k++) {
      assertTrue(Math.abs(test[k] - sklearn[k]) <= 1, "class " + k);
      assertEquals(digits.classCounts()[k], test[k] + train[k], "class " + k);
    }
    assertCoversEveryRowOnce(split, digits);
  }

  @Test
  void irisAndBreastCancerSplitsMatchScikitLearnsClassCounts() {
    assertArrayEquals(new int[] {10, 10, 10},
        TrainTestSplit.stratified(Datasets.iris(), 0.2, 1).test().classCounts());
    assertArrayEquals(new int[] {42, 72},
        TrainTestSplit.stratified(Datasets.breastCancer(), 0.2, 1).test().classCounts());
  }

  @Test
  void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
    Dataset iris = Datasets.iris();
    TrainTestSplit a = TrainTestSplit.stratified(iris, 0.3, 5);
    assertArrayEquals(a.testRows(), TrainTestSplit.stratified(iris, 0.3, 5).testRows());
    assertArrayEquals(a.trainRows(), TrainTestSplit.stratified(iris, 0.3, 5).trainRows());
    assertNotEquals(Arrays.toString(a.testRows()),
        Arrays.toString(TrainTestSplit.stratified(iris, 0.3, 6).testRows()));
  }

  @Test
  void partsHoldTheSourceRowsTheyName() {
    Dataset cancer = Datasets.breastCancer();
    TrainTestSplit split = TrainTestSplit.shuffled(cancer, 0.25, 9);
    int[] rows = split.testRows();
    for (int i = 0; i < rows.length; i++) {
      assertArrayEquals(cancer.features(rows[i]), split.test().features(i), 0);
      assertEquals(cancer.label(rows[i]), split.test().label(i));
    }
    assertEquals(cancer.classNames(), split.train().classNames());
  }

  @Test
  void shuffledSplitOfDiabetesTakesTheCeilingOfTheFractionAsTestRows() {
    Dataset diabetes = Datasets.diabetes();
    TrainTestSplit split = TrainTestSplit.shuffled(diabetes, 0.2, 0);
    assertEquals(89, split.test().size()); // ceil(0.2 * 442)
    assertEquals(353, split.train().size());
    assertEquals("TrainTestSplit(train 353 rows, test 89 rows)", split.toString());
    assertCoversEveryRowOnce(split, diabetes);
  }

  @Test
  void rowsAreDrawnAtRandomWithinEachClassAndBothPartsAreShuffled() {
    TrainTestSplit split = TrainTestSplit.stratified(Datasets.iris(), 0.2, 4);
    int[] test = split.testRows();
    int[] firstTenOfEachClass = IntStream.concat(IntStream.range(0, 10),
        IntStream.concat(IntStream.range(50, 60), IntStream.range(100, 110))).toArray();
    assertNotEquals(Arrays.toString(firstTenOfEachClass),
        Arrays.toString(Arrays.stream(test).sorted().toArray()));
    assertNotSorted(test);
    assertNotSorted(split.trainRows());
    TrainTestSplit shuffled = TrainTestSplit.shuffled(Datasets.iris(), 0.2, 4);
    assertNotSorted(shuffled.testRows());
    assertNotSorted(shuffled.trainRows());
  }

  @Test
  void aTieBetweenRemaindersGoesToTheLowerLabel() {
    Dataset twoClasses = Dataset.of(new double[][] {{0}, {1}, {2}, {3}, {4}, {5}},
        new double[] {1, 0, 1, 0, 1, 0}).asClassification();
    // 3 test rows, 1.5 per class: each gets 1, the tie's last row goes to class 0
    assertArrayEquals(new int[] {2, 1},
        TrainTestSplit.stratified(twoClasses, 0.5, 1).test().classCounts());
  }

  @Test
  void aFractionLeavingOneTrainingRowIsAccepted() {
    Dataset four = Dataset.of(new double[][] {{0}, {1}, {2}, {3}}, new double[] {0, 1, 2, 3});
    TrainTestSplit split = TrainTestSplit.shuffled(four, 0.75, 2);
    assertEquals(1, split.train().size());
    assertEquals(3, split.test().size());
  }

  private static void assertNotSorted(int[] rows) {
    assertNotEquals(Arrays.toString(Arrays.stream(rows).sorted().toArray()),
        Arrays.toString(rows));
  }

  private static void assertCoversEveryRowOnce(TrainTestSplit split, Dataset source) {
    int[] all = IntStream.concat(Arrays.stream(split.trainRows()), Arrays.stream(split.testRows()))
        .sorted().toArray();
    assertArrayEquals(IntStream.range(0, source.size()).toArray(), all);
  }
}
