package dev.autograd.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autograd.data.Dataset;
import dev.autograd.data.TrainTestSplit;
import org.junit.jupiter.api.Test;

class RegressionTrainingTest {
  /** Ten rows built in code: feature a = i, feature b near 1e-150, target 2 i + 1. */
  private static double[][] tenRows() {
    double[][] x = new double[10][];
    for (int i = 0; i < 10; i++) {
      x[i] = new double[] {i, (i + 1) * 1e-150};
    }
    return x;
  }

  private static double[] targets() {
    double[] y = new double[10];
    for (int i = 0; i < 10; i++) {
      y[i] = 2 * i + 1;
    }
    return y;
  }

  @Test
  void aHugeTargetInDataBuiltInCodeIsNamedByItsRow() {
    double[] y = targets();
    y[7] = -3e200;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RegressionTraining.Parts.of(Dataset.of(tenRows(), y), "data", 42));
    assertEquals("data: row 7, target (target): -3.0E200 is too large a target for the MSE loss:"
        + " the sum of the target column's squares overflows (Infinity)", e.getMessage());
  }

  @Test
  void aFarTestValueInDataBuiltInCodeIsNamedByItsRowInTheDataNotInTheTestPart() {
    // Seed 42 holds out rows 4 and 6 of ten, in that order: row 6 is the test part's row 1.
    assertArrayEquals(new int[] {4, 6}, TrainTestSplit.shuffled(Dataset.of(new double[10][1],
        new double[10]), RegressionTraining.TEST_FRACTION, 42).testRows());
    double[][] x = tenRows();
    x[6][1] = 1e200;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RegressionTraining.Parts.of(Dataset.of(x, targets()), "data", 42));
    assertEquals("data: row 6, column 1 (x1): 1.0E200 standardises to Infinity (mean 5.375E-150,"
        + " scale 3.1598061649411343E-150): a test row lies too far outside the training rows'"
        + " range", e.getMessage());
  }
}
