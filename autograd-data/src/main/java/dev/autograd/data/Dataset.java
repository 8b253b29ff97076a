package dev.autograd.data;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;

/**
 * An immutable table of examples: a feature matrix of {@link #size()} rows by {@link
 * #featureCount()} columns of finite doubles, and one finite target per row. A regression set's
 * targets are any numbers; a classification set's targets are class labels {@code 0, 1, ..., k-1}
 * stored as doubles, read with {@link #label(int)} and {@link #labels()}.
 *
 * <p>Every array handed in is copied and every array handed out is a fresh copy, so a dataset never
 * changes. Names travel with the data: one per feature column, one for the target, and for
 * classification sets one per class.
 *
 * <p>A dataset read from a file by {@link CsvDatasetReader} also knows where each value came from:
 * the file's line of each row ({@link #sourceLine(int)}) and the file's column of each feature and
 * of the target ({@link #sourceColumn(int)}, {@link #targetSourceColumn()}), so that a message
 * about a value can name its line and column in the file. Each row keeps its line in every dataset
 * derived from this one: {@link #select}, {@link #minibatches}, the parts of a {@link
 * TrainTestSplit}, the {@code with...} methods, {@link #asClassification()} and {@link
 * Standardizer#transform(Dataset)}. A dataset built in code ({@link #of}, the bundled {@link
 * Datasets}) has no source lines or columns. A dataset has no {@code equals} of its own: two
 * datasets are equal only if they are the same object, whatever their values and sources.
 */
public final class Dataset {
  private static final int MAX_LABEL = 65_535;
  private final double[][] features;
  private final double[] targets;
  private final List<String> featureNames;
  private final String targetName;
  private final List<String> classNames;
  /** Each row's line in its source file, or null for a dataset built in code. */
  private final long[] sourceLines;
  /** The source file's column (from 0) that held the targets, or -1 without a source file. */
  private final int targetSourceIndex;

  private Dataset(
      double[][] features,
      double[] targets,
      List<String> featureNames,
      String targetName,
      List<String> classNames,
      long[] sourceLines,
      int targetSourceIndex) {
    this.features = features;
    this.targets = targets;
    this.featureNames = featureNames;
    this.targetName = targetName;
    this.classNames = classNames;
    this.sourceLines = sourceLines;
    this.targetSourceIndex = targetSourceIndex;
  }

  /**
   * Returns a dataset of {@code features.length} rows whose row {@code i} has the features {@code
   * features[i]} (every row of one length, at least 1) and the target {@code targets[i]}. Features
   * are named {@code x0, x1, ...}, the target {@code target}; there are no class names and no
   * source lines or columns. Both arrays are copied.
   *
   * @throws NullPointerException if {@code features}, a row of it or {@code targets} is null
   * @throws IllegalArgumentException if there are no rows, a row has no features, the rows differ
   *     in length, {@code targets.length != features.length}, or any value is NaN or infinite (the
   *     message names the row and column)
   */
  public static Dataset of(double[][] features, double[] targets) {
    checkNotNull(features, "features");
    checkNotNull(targets, "targets");
    checkArgument(features.length > 0, "a dataset needs at least one row, got 0");
    checkArgument(targets.length == features.length, "features has %s rows but targets has %s",
        features.length, targets.length);
    int width = checkNotNull(features[0], "features[0] is null").length;
    checkArgument(width > 0, "a dataset needs at least one feature, got 0 columns");
    double[][] copy = new double[features.length][];
    for (int i = 0; i < features.length; i++) {
      double[] row = checkNotNull(features[i], "features[%s] is null", i);
      if (row.length != width) {
        throw new IllegalArgumentException("ragged features: features[" + i + "] has "
            + count(row.length, "column") + ", but features[0] has " + width);
      }
      for (int j = 0; j < row.length; j++) {
        checkFinite(row[j], "features[" + i + "][" + j + "]");
      }
      copy[i] = row.clone();
    }
    for (int i = 0; i < targets.length; i++) {
      checkFinite(targets[i], "targets[" + i + "]");
    }
    List<String> names = new ArrayList<>(copy[0].length);
    for (int j = 0; j < copy[0].length; j++) {
      names.add("x" + j);
    }
    return new Dataset(copy, targets.clone(), List.copyOf(names), "target", List.of(), null, -1);
  }

  /**
   * Returns this dataset as read from a file: row {@code i} from the file's line {@code lines[i]},
   * the targets from the file's column {@code targetIndex} (from 0), the features from the other
   * columns in file order. {@code lines} is not copied: the caller hands it over.
   */
  Dataset withSource(long[] lines, int targetIndex) {
    checkArgument(lines.length == size(), "%s lines for %s rows", lines.length, size());
    return new Dataset(features, targets, featureNames, targetName, classNames, lines,
        targetIndex);
  }

  /**
   * Returns this dataset with its features replaced by {@code x} (as many rows and columns,
   * finite; not copied: the caller hands it over), everything else kept.
   */
  Dataset withFeatures(double[][] x) {
    return new Dataset(x, targets, featureNames, targetName, classNames, sourceLines,
        targetSourceIndex);
  }

  private static void checkFinite(double v, String where) {
    checkArgument(Double.isFinite(v), "%s must be finite, got %s", where, v);
  }

  /**
   * Returns this dataset with the given feature names, one per column.
   *
   * @throws NullPointerException if {@code names} or a name is null
   * @throws IllegalArgumentException if {@code names.size() != featureCount()}
   */
  public Dataset withFeatureNames(List<String> names) {
    List<String> copy = List.copyOf(checkNotNull(names, "names"));
    checkArgument(copy.size() == featureCount(), "expected %s feature names, got %s: %s",
        featureCount(), copy.size(), copy);
    return new Dataset(features, targets, copy, targetName, classNames, sourceLines,
        targetSourceIndex);
  }

  /**
   * Returns this dataset with the given target name.
   *
   * @throws NullPointerException if {@code name} is null
   */
  public Dataset withTargetName(String name) {
    return new Dataset(features, targets, featureNames, checkNotNull(name, "name"), classNames,
        sourceLines, targetSourceIndex);
  }

  /**
   * Returns this dataset as a classification set whose class {@code k} is called {@code
   * names.get(k)}.
   *
   * @throws NullPointerException if {@code names} or a name is null
   * @throws IllegalArgumentException if a target is not a whole number in {@code [0,
   *     names.size())} (the message names the row and the value, and for data read from a file
   *     the value's line and column there, as {@link #sourceLine(int)} and {@link
   *     #targetSourceColumn()} give them)
   */
  public Dataset withClassNames(List<String> names) {
    List<String> copy = List.copyOf(checkNotNull(names, "names"));
    for (int i = 0; i < targets.length; i++) {
      double t = targets[i];
      checkArgument(t == Math.rint(t) && t >= 0 && t < copy.size(),
          "targets[%s] = %s%s is not a class label in [0, %s) for class names %s", i, t,
          inFile(i), copy.size(), copy);
    }
    return new Dataset(features, targets, featureNames, targetName, copy, sourceLines,
        targetSourceIndex);
  }

  /**
   * Returns this dataset as a classification set of {@code k = max(targets) + 1} classes named
   * {@code "0", "1", ..., "k-1"}, for a user's file whose target column holds class labels.
   *
   * @throws IllegalArgumentException if a target is not a whole number in {@code [0, 65535]} (the
   *     message names the row and the value, and for data read from a file the value's line and
   *     column there, as {@link #withClassNames} does)
   */
  public Dataset asClassification() {
    double max = 0;
    for (int i = 0; i < targets.length; i++) {
      checkArgument(targets[i] <= MAX_LABEL, "targets[%s] = %s%s is not a class label in [0, %s]",
          i, targets[i], inFile(i), MAX_LABEL);
      max = Math.max(max, targets[i]);
    }
    List<String> names = new ArrayList<>();
    for (int k = 0; k <= (int) max; k++) {
      names.add(Integer.toString(k));
    }
    return withClassNames(names);
  }

  /**
   * Returns {@code " (line l, column c of its file)"} for row {@code row}'s target in data read
   * from a file, else {@code ""}.
   */
  private String inFile(int row) {
    return sourceLines == null ? "" : " (line " + sourceLines[row] + ", column "
        + (targetSourceIndex + 1) + " of its file)";
  }

  /** Returns the number of rows (examples), at least 1. */
  public int size() {
    return features.length;
  }

  /** Returns the number of feature columns, at least 1. */
  public int featureCount() {
    return features[0].length;
  }

  /**
   * Returns a copy of row {@code row}'s features, of length {@link #featureCount()}.
   *
   * @throws IndexOutOfBoundsException if {@code row} is not in {@code [0, size())}
   */
  public double[] features(int row) {
    return features[checkRow(row)].clone();
  }

  /**
   * Returns the feature in row {@code row}, column {@code column}.
   *
   * @throws IndexOutOfBoundsException if {@code row} or {@code column} is out of range
   */
  public double feature(int row, int column) {
    double[] r = features[checkRow(row)];
    if (column < 0 || column >= r.length) {
      throw new IndexOutOfBoundsException(
          "column " + column + " out of range [0, " + r.length + ")");
    }
    return r[column];
  }

  /** Returns a copy of the feature matrix, {@link #size()} rows by {@link #featureCount()}. */
  public double[][] features() {
    double[][] copy = new double[features.length][];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = features[i].clone();
    }
    return copy;
  }

  /**
   * Returns row {@code row}'s target.
   *
   * @throws IndexOutOfBoundsException if {@code row} is not in {@code [0, size())}
   */
  public double target(int row) {
    return targets[checkRow(row)];
  }

  /** Returns a copy of the targets, of length {@link #size()}. */
  public double[] targets() {
    return targets.clone();
  }

  /**
   * Returns the targets as {@link #size()} rows of one column: row {@code i} is {@code
   * {target(i)}}. This is the shape a training loop over rows of targets takes for a model with
   * one output (for example {@code Trainer.fit(features(), targetRows())} with an MSE or binary
   * cross-entropy loss); {@link #oneHotTargets()} gives the rows for a softmax classifier.
   */
  public double[][] targetRows() {
    double[][] rows = new double[targets.length][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new double[] {targets[i]};
    }
    return rows;
  }

  /**
   * Returns row {@code row}'s class label.
   *
   * @throws IndexOutOfBoundsException if {@code row} is not in {@code [0, size())}
   * @throws IllegalStateException if this is not a classification set (no {@link #classNames()})
   */
  public int label(int row) {
    checkClassification();
    return (int) targets[checkRow(row)];
  }

  /**
   * Returns every row's class label, of length {@link #size()}, each in {@code [0,
   * classCount())}.
   *
   * @throws IllegalStateException if this is not a classification set (no {@link #classNames()})
   */
  public int[] labels() {
    checkClassification();
    int[] labels = new int[targets.length];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = (int) targets[i];
    }
    return labels;
  }

  /**
   * Returns the class labels one-hot encoded, {@link #size()} rows of {@link #classCount()}
   * columns: row {@code i} is 1 at column {@code label(i)} and 0 elsewhere, the class-probability
   * targets of a cross-entropy loss.
   *
   * @throws IllegalStateException if this is not a classification set (no {@link #classNames()})
   */
  public double[][] oneHotTargets() {
    int[] labels = labels();
    double[][] oneHot = new double[labels.length][classCount()];
    for (int i = 0; i < labels.length; i++) {
      oneHot[i][labels[i]] = 1.0;
    }
    return oneHot;
  }

  /**
   * Returns the number of classes, {@code classNames().size()}, or 0 for a regression set.
   */
  public int classCount() {
    return classNames.size();
  }

  /**
   * Returns how many rows each class has: element {@code k} counts label {@code k}; the length is
   * {@link #classCount()}.
   *
   * @throws IllegalStateException if this is not a classification set
   */
  public int[] classCounts() {
    int[] counts = new int[classCount()];
    for (int label : labels()) {
      counts[label]++;
    }
    return counts;
  }

  /** Returns the feature names, one per column, unmodifiable. */
  public List<String> featureNames() {
    return featureNames;
  }

  /** Returns the target's name. */
  public String targetName() {
    return targetName;
  }

  /** Returns the class names (label {@code k} is element {@code k}), empty for regression. */
  public List<String> classNames() {
    return classNames;
  }

  /**
   * Returns the line of the source file that row {@code row} was read from, counted from 1 as
   * {@link CsvDatasetReader}'s messages count lines: every physical line, the header and blank
   * lines included, each {@code \n}, {@code \r\n} or {@code \r} ending one; a row whose quoted
   * cell holds a line break is on the line where it starts. Empty for a dataset built in code.
   *
   * @throws IndexOutOfBoundsException if {@code row} is not in {@code [0, size())}
   */
  public OptionalLong sourceLine(int row) {
    checkRow(row);
    return sourceLines == null ? OptionalLong.empty() : OptionalLong.of(sourceLines[row]);
  }

  /**
   * Returns the column of the source file, counted from 1, that feature column {@code column}
   * (from 0) was read from: {@code column + 1} for a feature left of the target, {@code column +
   * 2} for one right of it. Empty for a dataset built in code.
   *
   * @throws IndexOutOfBoundsException if {@code column} is not in {@code [0, featureCount())}
   */
  public OptionalInt sourceColumn(int column) {
    if (column < 0 || column >= featureCount()) {
      throw new IndexOutOfBoundsException(
          "column " + column + " out of range [0, " + featureCount() + ")");
    }
    return targetSourceIndex < 0 ? OptionalInt.empty()
        : OptionalInt.of(column < targetSourceIndex ? column + 1 : column + 2);
  }

  /**
   * Returns the column of the source file, counted from 1, that the targets were read from.
   * Empty for a dataset built in code.
   */
  public OptionalInt targetSourceColumn() {
    return targetSourceIndex < 0 ? OptionalInt.empty() : OptionalInt.of(targetSourceIndex + 1);
  }

  /**
   * Returns a dataset of the given rows of this one, in the given order (a row may repeat), with
   * the same names and source columns, each row with its source line.
   *
   * @throws NullPointerException if {@code rows} is null
   * @throws IllegalArgumentException if {@code rows} is empty
   * @throws IndexOutOfBoundsException if a row is not in {@code [0, size())}
   */
  public Dataset select(int[] rows) {
    checkNotNull(rows, "rows");
    checkArgument(rows.length > 0, "a dataset needs at least one row, got 0");
    double[][] f = new double[rows.length][];
    double[] t = new double[rows.length];
    long[] lines = sourceLines == null ? null : new long[rows.length];
    for (int i = 0; i < rows.length; i++) {
      f[i] = features[checkRow(rows[i])];
      t[i] = targets[rows[i]];
      if (lines != null) {
        lines[i] = sourceLines[rows[i]];
      }
    }
    return new Dataset(f, t, featureNames, targetName, classNames, lines, targetSourceIndex);
  }

  /**
   * Returns this dataset's rows in a random order cut into minibatches of {@code batchSize} rows,
   * the last one holding the {@code size() % batchSize} rows left over if that is not 0 (as
   * PyTorch's {@code DataLoader(shuffle=True, drop_last=False)}). The order is {@link
   * Collections#shuffle(List, Random)} of {@code 0..size()-1} with {@code random}, which this
   * consumes: one seeded {@link Random} passed at every epoch gives a different, reproducible order
   * per epoch.
   *
   * @throws NullPointerException if {@code random} is null
   * @throws IllegalArgumentException if {@code batchSize} is below 1
   */
  public List<Dataset> minibatches(int batchSize, Random random) {
    checkNotNull(random, "random");
    checkArgument(batchSize >= 1, "batchSize must be at least 1, got %s", batchSize);
    List<Integer> order = new ArrayList<>(size());
    for (int i = 0; i < size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, random);
    List<Dataset> batches = new ArrayList<>((size() + batchSize - 1) / batchSize);
    for (int start = 0; start < size(); start += batchSize) {
      int end = Math.min(size(), start + batchSize);
      batches.add(select(order.subList(start, end).stream().mapToInt(Integer::intValue).toArray()));
    }
    return Collections.unmodifiableList(batches);
  }

  private int checkRow(int row) {
    if (row < 0 || row >= features.length) {
      throw new IndexOutOfBoundsException(
          "row " + row + " out of range [0, " + features.length + ")");
    }
    return row;
  }

  private void checkClassification() {
    checkState(!classNames.isEmpty(),
        "dataset with target '%s' has no class names: not a classification set", targetName);
  }

  /**
   * Returns the shape, as in {@code Dataset(150 rows x 4 features, target species, 3 classes)}.
   */
  @Override
  public String toString() {
    return "Dataset(" + count(size(), "row") + " x " + count(featureCount(), "feature")
        + ", target " + targetName
        + (classNames.isEmpty() ? "" : ", " + count(classNames.size(), "class")) + ")";
  }

  /** Returns {@code "<n> <noun>"} with the noun's English plural unless {@code n} is 1. */
  static String count(int n, String noun) {
    return n + " " + (n == 1 ? noun : noun.endsWith("s") ? noun + "es" : noun + "s");
  }
}
