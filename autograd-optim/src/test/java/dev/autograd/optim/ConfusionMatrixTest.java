package dev.autograd.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {
  // The example of scikit-learn's confusion_matrix documentation:
  // confusion_matrix([2, 0, 2, 2, 0, 1], [0, 0, 2, 2, 0, 2]) == [[2, 0, 0], [0, 0, 1], [1, 0, 2]]
  private static final int[] ACTUAL = {2, 0, 2, 2, 0, 1};
  private static final int[] PREDICTED = {0, 0, 2, 2, 0, 2};

  @Test
  void rowsAreTrueClassesAndColumnsPredictedClassesAsInScikitLearn() {
    ConfusionMatrix m = ConfusionMatrix.of(ACTUAL, PREDICTED, 3);
    assertArrayEquals(new int[][] {{2, 0, 0}, {0, 0, 1}, {1, 0, 2}}, m.counts());
    assertEquals(1, m.count(2, 0));
    assertEquals(3, m.classes());
    assertEquals(6, m.total());
    assertEquals(" 2 0 0\n 0 0 1\n 1 0 2\n", m.toString());
  }

  @Test
  void accuracyIsTheFractionOnTheDiagonal() {
    // accuracy_score([2, 0, 2, 2, 0, 1], [0, 0, 2, 2, 0, 2]) == 4 / 6
    assertEquals(4.0 / 6, ConfusionMatrix.accuracy(ACTUAL, PREDICTED), 0);
    assertEquals(4.0 / 6, ConfusionMatrix.of(ACTUAL, PREDICTED, 3).accuracy(), 0);
    assertEquals(1.0, ConfusionMatrix.accuracy(ACTUAL, ACTUAL), 0);
  }

  @Test
  void countsAreACopy() {
    ConfusionMatrix m = ConfusionMatrix.of(ACTUAL, PREDICTED, 3);
    m.counts()[0][0] = 99;
    assertEquals(2, m.count(0, 0));
  }

  @Test
  void oneClassIsAllowed() {
    assertEquals(1.0, ConfusionMatrix.of(new int[] {0, 0}, new int[] {0, 0}, 1).accuracy(), 0);
  }
}
