package dev.autograd.data;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.StringJoiner;

/**
 * Standardisation fitted on one dataset and applied to others: each feature column {@code j}
 * becomes {@code (x - mean_j) / scale_j}, where {@code mean_j} and the population standard
 * deviation {@code scale_j = sqrt(mean((x - mean_j)^2))} come from the dataset passed to {@link
 * #fit}. A constant column (every value the same) gets that value as {@code mean_j} and {@code
 * scale_j = 1}, so it becomes all zeros instead of NaN, and exactly zeros: a mean computed as a sum
 * can round away from the value (eight times {@code 0.1} sum to a mean of {@code
 * 0.09999999999999999}), which would leave a tiny deviation to divide by a tiny scale. This is
 * scikit-learn's {@code StandardScaler} with its defaults, which also treats a constant column's
 * scale as 1.
 *
 * <p>Fit on the training part only and apply the same fitted standardizer to the training and the
 * test part, so nothing about the test rows leaks into training:
 *
 * <pre>{@code
 * TrainTestSplit split = TrainTestSplit.stratified(Datasets.digits(), 0.2, 42);
 * Standardizer scaler = Standardizer.fit(split.train());
 * Dataset train = scaler.transform(split.train());
 * Dataset test = scaler.transform(split.test());
 * }</pre>
 *
 * Targets are never changed. Instances are immutable.
 */
public final class Standardizer {
  private final double[] means;
  private final double[] scales;

  private Standardizer(double[] means, double[] scales) {
    this.means = means;
    this.scales = scales;
  }

  /**
   * Returns a standardizer whose means and scales are those of {@code data}'s feature columns
   * (each a plain sum over the rows, divided by {@code data.size()}).
   *
   * @throws NullPointerException if {@code data} is null
   * @throws IllegalArgumentException if a column that is not constant (a constant one is not
   *     summed) has a sum or sum of squares that overflows to infinity
   *     (values beyond about {@code 1e154} apart, or a sum beyond {@link Double#MAX_VALUE}): the
   *     message names the column (for data read from a file also its column there, as {@link
   *     Dataset#sourceColumn(int)} gives it) and its largest magnitude; scale such a column down
   *     first
   */
  public static Standardizer fit(Dataset data) {
    double[][] x = checkNotNull(data, "data").features();
    int n = x.length;
    int m = data.featureCount();
    double[] means = new double[m];
    double[] scales = new double[m];
    for (int j = 0; j < m; j++) {
      double sum = 0;
      boolean constant = true;
      for (double[] row : x) {
        sum += row[j];
        constant &= row[j] == x[0][j];
      }
      if (constant) { // its computed mean may round away from the value: see the class comment
        means[j] = x[0][j];
        scales[j] = 1;
        continue;
      }
      double mean = sum / n;
      double squares = 0;
      for (double[] row : x) {
        double d = row[j] - mean;
        squares += d * d;
      }
      double scale = Math.sqrt(squares / n);
      if (!Double.isFinite(mean) || !Double.isFinite(scale)) {
        throw overflow(data, j, Double.isFinite(mean) ? "variance" : "mean",
            Double.isFinite(mean) ? scale * scale : mean);
      }
      means[j] = mean;
      scales[j] = scale == 0 ? 1 : scale;
    }
    return new Standardizer(means, scales);
  }

  private static IllegalArgumentException overflow(Dataset data, int column, String what,
      double value) {
    double largest = 0;
    for (int i = 0; i < data.size(); i++) {
      largest = Math.max(largest, Math.abs(data.feature(i, column)));
    }
    OptionalInt fileColumn = data.sourceColumn(column);
    String file = fileColumn.isPresent() ? ", column " + fileColumn.getAsInt() + " of its file"
        : "";
    return new IllegalArgumentException("feature column " + column + " ("
        + data.featureNames().get(column) + file + ") cannot be standardised: its " + what
        + " overflows (" + value + "); values reach " + largest);
  }

  /**
   * Returns {@code data} with every feature standardised; names, targets, class names and source
   * lines and columns ({@link Dataset#sourceLine(int)}) unchanged.
   *
   * @throws NullPointerException if {@code data} is null
   * @throws IllegalArgumentException if {@code data} has a different number of feature columns
   *     than the data this was fitted on, or a value standardises to an infinity (one far outside
   *     the fitted data, near {@link Double#MAX_VALUE}; naming its row and column, and for data
   *     read from a file its line and column there, as {@link Dataset#sourceLine(int)} and
   *     {@link Dataset#sourceColumn(int)} give them)
   */
  public Dataset transform(Dataset data) {
    checkNotNull(data, "data");
    checkWidth(data.featureCount());
    double[][] x = data.features();
    for (int i = 0; i < x.length; i++) {
      standardise(x[i]);
      for (int j = 0; j < x[i].length; j++) {
        if (!Double.isFinite(x[i][j])) {
          OptionalLong line = data.sourceLine(i);
          String file = line.isPresent()
              ? ", line " + line.getAsLong() + ", column " + data.sourceColumn(j).getAsInt()
                  + " of its file"
              : "";
          throw new IllegalArgumentException("row " + i + ", column " + j + " ("
              + data.featureNames().get(j) + file + "): " + data.feature(i, j)
              + " standardises to " + x[i][j] + " (mean " + means[j] + ", scale " + scales[j]
              + ")");
        }
      }
    }
    return data.withFeatures(x);
  }

  /**
   * Returns a new array holding {@code row} standardised; {@code row} is not changed. A NaN or
   * infinite entry gives NaN or an infinity in its place (IEEE 754), as in {@code StandardScaler}.
   *
   * @throws NullPointerException if {@code row} is null
   * @throws IllegalArgumentException if {@code row.length} differs from the fitted column count
   */
  public double[] transform(double[] row) {
    checkNotNull(row, "row");
    checkWidth(row.length);
    double[] out = row.clone();
    standardise(out);
    return out;
  }

  private void standardise(double[] row) {
    for (int j = 0; j < row.length; j++) {
      row[j] = (row[j] - means[j]) / scales[j];
    }
  }

  private void checkWidth(int width) {
    checkArgument(width == means.length, "standardizer was fitted on %s feature columns, got %s",
        means.length, width);
  }

  /** Returns the fitted column means (a copy). */
  public double[] means() {
    return means.clone();
  }

  /** Returns the fitted column scales, population standard deviations with 0 replaced by 1. */
  public double[] scales() {
    return scales.clone();
  }

  /**
   * Returns the fitted columns, as in {@code Standardizer(2 features, means [5.843, 3.057],
   * scales [0.8253, 0.4344])} (four significant digits).
   */
  @Override
  public String toString() {
    return "Standardizer(" + Dataset.count(means.length, "feature") + ", means "
        + fourDigits(means) + ", scales " + fourDigits(scales) + ")";
  }

  private static String fourDigits(double[] values) {
    StringJoiner joined = new StringJoiner(", ", "[", "]");
    for (double v : values) {
      joined.add(String.format(Locale.ROOT, "%.4g", v));
    }
    return joined.toString();
  }
}
