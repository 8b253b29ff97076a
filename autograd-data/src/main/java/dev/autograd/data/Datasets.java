package dev.autograd.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * The real datasets that scikit-learn ships in its package ({@code sklearn/datasets/data/}),
 * shipped unchanged as resources of this jar beside a {@code NOTICE} with their licence and
 * sources, read without a network. Each call parses the resource anew and returns a new {@link
 * Dataset} equal to what scikit-learn's loader returns (the tests compare shapes, class counts and
 * values).
 *
 * <table>
 *   <caption>The datasets</caption>
 *   <tr><th>method</th><th>rows x features</th><th>target</th><th>scikit-learn</th></tr>
 *   <tr><td>{@link #iris()}</td><td>150 x 4</td><td>3 classes, 50 each</td>
 *       <td>{@code load_iris()}</td></tr>
 *   <tr><td>{@link #digits()}</td><td>1797 x 64</td><td>10 classes (digits 0-9)</td>
 *       <td>{@code load_digits()}</td></tr>
 *   <tr><td>{@link #breastCancer()}</td><td>569 x 30</td><td>2 classes: 212 malignant (0), 357
 *       benign (1)</td><td>{@code load_breast_cancer()}</td></tr>
 *   <tr><td>{@link #diabetes()}</td><td>442 x 10</td><td>disease progression, 25 to 346</td>
 *       <td>{@code load_diabetes(scaled=False)}</td></tr>
 *   <tr><td>{@link #diabetesScaled()}</td><td>442 x 10</td><td>as above</td>
 *       <td>{@code load_diabetes()}</td></tr>
 * </table>
 */
public final class Datasets {
  /** The side of a digits image: {@link #digits()} rows are {@code 8 x 8} pixels. */
  public static final int DIGIT_SIDE = 8;

  private static final List<String> DIABETES_FEATURES =
      List.of("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6");

  private Datasets() {}

  /**
   * Returns Fisher's iris data, 150 rows of sepal length, sepal width, petal length and petal
   * width in cm, with the species as class label: 0 setosa, 1 versicolor, 2 virginica (50 rows
   * each, in that order).
   */
  public static Dataset iris() {
    return withMetadataLine("iris.csv",
        List.of("sepal length (cm)", "sepal width (cm)", "petal length (cm)",
            "petal width (cm)"),
        "species");
  }

  /**
   * Returns the breast cancer Wisconsin (diagnostic) data, 569 rows of 30 features of cell nuclei
   * ({@code mean radius} ... {@code worst fractal dimension}, scikit-learn's names), with the
   * diagnosis as class label: 0 malignant (212 rows), 1 benign (357 rows).
   */
  public static Dataset breastCancer() {
    List<String> names = new ArrayList<>(30);
    for (String prefix : List.of("mean ", "", "worst ")) {
      for (String feature : List.of("radius", "texture", "perimeter", "area", "smoothness",
          "compactness", "concavity", "concave points", "symmetry", "fractal dimension")) {
        names.add(prefix.isEmpty() ? feature + " error" : prefix + feature);
      }
    }
    return withMetadataLine("breast_cancer.csv", names, "diagnosis");
  }

  /**
   * Returns the optical handwritten digits data (UCI test set), 1797 images of {@link #DIGIT_SIDE}
   * x {@link #DIGIT_SIDE} pixels, each an integer from 0 (white) to 16 (black). Pixel {@code (r,
   * c)} is feature column {@code 8 * r + c}, named {@code pixel_r_c}; the class label is the digit
   * shown, 0 to 9.
   */
  public static Dataset digits() {
    double[][] rows = new NumericCsv(resourceName("digits.csv.gz"), ',')
        .parseWithoutHeader(read("digits.csv.gz")).rows();
    int pixels = DIGIT_SIDE * DIGIT_SIDE;
    List<String> names = new ArrayList<>(pixels);
    for (int r = 0; r < DIGIT_SIDE; r++) {
      for (int c = 0; c < DIGIT_SIDE; c++) {
        names.add("pixel_" + r + "_" + c);
      }
    }
    List<String> classes = new ArrayList<>(10);
    for (int k = 0; k < 10; k++) {
      classes.add(Integer.toString(k));
    }
    return lastColumnIsTarget(rows, pixels, "digits.csv.gz")
        .withFeatureNames(names)
        .withTargetName("digit")
        .withClassNames(classes);
  }

  /**
   * Returns the diabetes data of Efron et al. as measured, the file scikit-learn ships: 442
   * patients' age (years), sex (1 or 2), body mass index, average blood pressure and six blood
   * serum measurements {@code s1..s6}, with a quantitative measure of disease progression one year
   * later as the regression target (named {@code progression}). This is scikit-learn's {@code
   * load_diabetes(scaled=False)}; standardise it with {@link Standardizer} before training.
   */
  public static Dataset diabetes() {
    double[][] x = new NumericCsv(resourceName("diabetes_data_raw.csv.gz"), ' ')
        .parseWithoutHeader(read("diabetes_data_raw.csv.gz")).rows();
    double[][] y = new NumericCsv(resourceName("diabetes_target.csv.gz"), ',')
        .parseWithoutHeader(read("diabetes_target.csv.gz")).rows();
    if (x.length != y.length || x[0].length != DIABETES_FEATURES.size() || y[0].length != 1) {
      throw new IllegalStateException("corrupt diabetes resources: " + x.length + " x "
          + x[0].length + " features, " + y.length + " x " + y[0].length + " targets");
    }
    double[] targets = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      targets[i] = y[i][0];
    }
    return Dataset.of(x, targets)
        .withFeatureNames(DIABETES_FEATURES)
        .withTargetName("progression");
  }

  /**
   * Returns {@link #diabetes()} with each feature column as scikit-learn's default {@code
   * load_diabetes()} gives it: centred and divided by its population standard deviation times
   * {@code sqrt(442)}, so each column has mean 0 and sum of squares 1. The target is unchanged.
   * Computed as {@code Standardizer.fit(diabetes()).transform(diabetes())} then divided by {@code
   * sqrt(442)}, the order of scikit-learn's {@code scale(data); data /= sqrt(n)}.
   */
  public static Dataset diabetesScaled() {
    Dataset raw = diabetes();
    double[][] x = Standardizer.fit(raw).transform(raw).features();
    double root = Math.sqrt(x.length);
    for (double[] row : x) {
      for (int j = 0; j < row.length; j++) {
        row[j] /= root;
      }
    }
    return Dataset.of(x, raw.targets())
        .withFeatureNames(raw.featureNames())
        .withTargetName(raw.targetName());
  }

  /**
   * Reads a scikit-learn CSV whose first line is {@code rows,features,class names...} and whose
   * last column is the class label.
   */
  private static Dataset withMetadataLine(
      String file, List<String> featureNames, String targetName) {
    String text = read(file);
    int firstBreak = text.indexOf('\n');
    List<String> metadata = firstRecord(text.substring(0, firstBreak), file);
    double[][] rows = new NumericCsv(resourceName(file) + " (after line 1)", ',')
        .parseWithoutHeader(text.substring(firstBreak + 1)).rows();
    int expectedRows = Integer.parseInt(metadata.get(0));
    int features = Integer.parseInt(metadata.get(1));
    if (rows.length != expectedRows || features != featureNames.size()) {
      throw new IllegalStateException("corrupt resource " + file + ": line 1 says " + metadata
          + ", found " + rows.length + " rows");
    }
    return lastColumnIsTarget(rows, features, file)
        .withFeatureNames(featureNames)
        .withTargetName(targetName)
        .withClassNames(metadata.subList(2, metadata.size()));
  }

  private static Dataset lastColumnIsTarget(double[][] rows, int features, String file) {
    if (rows[0].length != features + 1) {
      throw new IllegalStateException("corrupt resource " + file + ": " + rows[0].length
          + " columns, expected " + (features + 1));
    }
    double[][] x = new double[rows.length][];
    double[] y = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      x[i] = Arrays.copyOf(rows[i], features);
      y[i] = rows[i][features];
    }
    return Dataset.of(x, y);
  }

  private static List<String> firstRecord(String line, String file) {
    try (CSVParser parser = CSVParser.parse(new StringReader(line), CSVFormat.DEFAULT)) {
      return parser.getRecords().get(0).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + file, e);
    }
  }

  private static String resourceName(String file) {
    return "dev/autograd/data/" + file;
  }

  /** Returns the text of a resource beside this class, gunzipped if its name ends in .gz. */
  private static String read(String file) {
    try (InputStream in = Datasets.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("resource " + resourceName(file) + " is missing");
      }
      InputStream text = file.endsWith(".gz") ? new GZIPInputStream(in) : in;
      return new String(text.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + resourceName(file), e);
    }
  }
}
