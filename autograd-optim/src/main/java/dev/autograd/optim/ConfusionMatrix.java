package dev.autograd.optim;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Locale;

/**
 * How often each true class was predicted as each class: {@link #count(int, int) count(a, p)} is
 * the number of examples of true class {@code a} predicted as {@code p}, so the diagonal holds the
 * correct predictions. Rows are true classes and columns predicted classes, as scikit-learn's
 * {@code confusion_matrix(y_true, y_pred)} (<a
 * href="https://scikit-learn.org/stable/modules/generated/sklearn.metrics.confusion_matrix.html">
 * docs</a>). Immutable.
 */
public final class ConfusionMatrix {
  private final int[][] counts;
  private final int total;

  private ConfusionMatrix(int[][] counts, int total) {
    this.counts = counts;
    this.total = total;
  }

  /**
   * Returns the {@code classes x classes} matrix of {@code actual[i]} (true class of example
   * {@code i}) against {@code predicted[i]}.
   *
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the arrays differ in length or are empty, {@code classes}
   *     is below 1, or a class is not in {@code [0, classes)} (naming the array, index and value)
   */
  public static ConfusionMatrix of(int[] actual, int[] predicted, int classes) {
    checkLabels(actual, predicted);
    checkArgument(classes >= 1, "classes must be at least 1, got %s", classes);
    int[][] counts = new int[classes][classes];
    for (int i = 0; i < actual.length; i++) {
      counts[checkClass(actual, i, "actual", classes)]
          [checkClass(predicted, i, "predicted", classes)]++;
    }
    return new ConfusionMatrix(counts, actual.length);
  }

  /**
   * Returns the fraction of examples whose predicted class equals the true class, in {@code [0,
   * 1]}: scikit-learn's {@code accuracy_score(actual, predicted)}.
   *
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the arrays differ in length or are empty
   */
  public static double accuracy(int[] actual, int[] predicted) {
    checkLabels(actual, predicted);
    int correct = 0;
    for (int i = 0; i < actual.length; i++) {
      if (actual[i] == predicted[i]) {
        correct++;
      }
    }
    return (double) correct / actual.length;
  }

  private static void checkLabels(int[] actual, int[] predicted) {
    checkNotNull(actual, "actual");
    checkNotNull(predicted, "predicted");
    checkArgument(actual.length == predicted.length,
        "actual and predicted differ in length: %s vs %s", actual.length, predicted.length);
    checkArgument(actual.length > 0, "no examples: actual and predicted are empty");
  }

  private static int checkClass(int[] labels, int i, String name, int classes) {
    int label = labels[i];
    checkArgument(label >= 0 && label < classes, "%s[%s] = %s is not a class in [0, %s)", name, i,
        label, classes);
    return label;
  }

  /** Returns the number of classes, the matrix's side. */
  public int classes() {
    return counts.length;
  }

  /**
   * Returns the number of examples of true class {@code actual} predicted as {@code predicted}.
   *
   * @throws IndexOutOfBoundsException if a class is not in {@code [0, classes())}
   */
  public int count(int actual, int predicted) {
    return counts[actual][predicted];
  }

  /** Returns a copy of the counts, rows true classes, columns predicted classes. */
  public int[][] counts() {
    int[][] copy = new int[counts.length][];
    for (int a = 0; a < copy.length; a++) {
      copy[a] = counts[a].clone();
    }
    return copy;
  }

  /** Returns the number of examples counted. */
  public int total() {
    return total;
  }

  /** Returns the fraction on the diagonal, equal to {@link #accuracy(int[], int[])}. */
  public double accuracy() {
    int correct = 0;
    for (int a = 0; a < counts.length; a++) {
      correct += counts[a][a];
    }
    return (double) correct / total;
  }

  /** Returns the counts as text, one line per true class, columns right-aligned. */
  @Override
  public String toString() {
    int width = Integer.toString(total).length() + 1;
    StringBuilder sb = new StringBuilder();
    for (int[] row : counts) {
      for (int c : row) {
        sb.append(String.format(Locale.ROOT, "%" + width + "d", c));
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
