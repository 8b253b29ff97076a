package dev.autograd.data;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A dataset cut in two, a training part and a test part, by a seeded random draw. Both parts keep
 * the source's names; the same source, fraction and seed always give the same parts.
 *
 * <p>The test part has {@code ceil(testFraction * n)} of the {@code n} rows, as scikit-learn's
 * {@code train_test_split(test_size=testFraction)}; the row order inside each part is shuffled. The
 * draw uses {@link Random} seeded with {@code seed} and {@link Collections#shuffle(List, Random)},
 * so it does not reproduce scikit-learn's own (numpy) draw.
 */
public final class TrainTestSplit {
  private final Dataset train;
  private final Dataset test;
  private final int[] trainRows;
  private final int[] testRows;

  private TrainTestSplit(Dataset source, List<Integer> trainRows, List<Integer> testRows) {
    this.trainRows = toArray(trainRows);
    this.testRows = toArray(testRows);
    this.train = source.select(this.trainRows);
    this.test = source.select(this.testRows);
  }

  /**
   * Returns a split that keeps each class's share in both parts, as scikit-learn's {@code
   * train_test_split(stratify=y)}: of the {@code t = ceil(testFraction * n)} test rows, class
   * {@code k} with {@code n_k} rows gets {@code floor(t * n_k / n)}, and the rows still missing go
   * one each to the classes with the largest remainders {@code t * n_k / n - floor(...)} (the lower
   * label first on a tie). Within a class the test rows are drawn at random.
   *
   * @throws NullPointerException if {@code dataset} is null
   * @throws IllegalArgumentException if {@code testFraction} is not strictly between 0 and 1, or
   *     either part would be empty
   * @throws IllegalStateException if {@code dataset} is not a classification set
   */
  public static TrainTestSplit stratified(Dataset dataset, double testFraction, long seed) {
    int n = checkNotNull(dataset, "dataset").size();
    int testSize = testSize(n, testFraction);
    int[] counts = dataset.classCounts();
    int[] labels = dataset.labels();
    int[] quota = quotas(testSize, counts, n);
    Random random = new Random(seed);
    List<Integer> trainRows = new ArrayList<>(n - testSize);
    List<Integer> testRows = new ArrayList<>(testSize);
    for (int k = 0; k < counts.length; k++) {
      List<Integer> rows = new ArrayList<>(counts[k]);
      for (int i = 0; i < n; i++) {
        if (labels[i] == k) {
          rows.add(i);
        }
      }
      Collections.shuffle(rows, random);
      testRows.addAll(rows.subList(0, quota[k]));
      trainRows.addAll(rows.subList(quota[k], rows.size()));
    }
    Collections.shuffle(trainRows, random);
    Collections.shuffle(testRows, random);
    return new TrainTestSplit(dataset, trainRows, testRows);
  }

  /**
   * Returns a split whose {@code ceil(testFraction * n)} test rows are drawn at random from all
   * rows, as scikit-learn's {@code train_test_split} without {@code stratify}; for regression sets.
   *
   * @throws NullPointerException if {@code dataset} is null
   * @throws IllegalArgumentException if {@code testFraction} is not strictly between 0 and 1, or
   *     either part would be empty
   */
  public static TrainTestSplit shuffled(Dataset dataset, double testFraction, long seed) {
    int n = checkNotNull(dataset, "dataset").size();
    int testSize = testSize(n, testFraction);
    List<Integer> order = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(seed));
    return new TrainTestSplit(
        dataset, order.subList(testSize, n), order.subList(0, testSize));
  }

  private static int testSize(int n, double testFraction) {
    checkArgument(testFraction > 0 && testFraction < 1,
        "testFraction must be strictly between 0 and 1, got %s", testFraction);
    int testSize = (int) Math.ceil(testFraction * n);
    checkArgument(testSize < n, "testFraction %s of %s rows leaves no training rows (test part"
        + " of %s)", testFraction, n, testSize);
    return testSize;
  }

  /** Returns each class's number of test rows, summing to {@code testSize}. */
  private static int[] quotas(int testSize, int[] counts, int n) {
    int[] quota = new int[counts.length];
    double[] remainder = new double[counts.length];
    int given = 0;
    for (int k = 0; k < counts.length; k++) {
      double exact = (double) testSize * counts[k] / n;
      quota[k] = (int) Math.floor(exact);
      remainder[k] = exact - quota[k];
      given += quota[k];
    }
    for (; given < testSize; given++) {
      int best = -1;
      for (int k = 0; k < counts.length; k++) {
        if (quota[k] < counts[k] && (best < 0 || remainder[k] > remainder[best])) {
          best = k;
        }
      }
      quota[best]++;
      remainder[best] = -1;
    }
    return quota;
  }

  private static int[] toArray(List<Integer> rows) {
    return rows.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Returns the training part. */
  public Dataset train() {
    return train;
  }

  /** Returns the test part. */
  public Dataset test() {
    return test;
  }

  /** Returns the source rows of the training part, in its order (a copy). */
  public int[] trainRows() {
    return trainRows.clone();
  }

  /** Returns the source rows of the test part, in its order (a copy). */
  public int[] testRows() {
    return testRows.clone();
  }

  /** Returns the sizes, as in {@code TrainTestSplit(train 1437 rows, test 360 rows)}. */
  @Override
  public String toString() {
    return "TrainTestSplit(train " + Dataset.count(trainRows.length, "row") + ", test "
        + Dataset.count(testRows.length, "row") + ")";
  }
}
