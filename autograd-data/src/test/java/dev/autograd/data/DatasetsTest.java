package dev.autograd.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped datasets against scikit-learn 1.9.1's loaders: every expected number below was
 * printed by {@code load_iris()}, {@code load_digits()}, {@code load_breast_cancer()} and {@code
 * load_diabetes(scaled=False)} / {@code load_diabetes()} (the commands are in the comments).
 */
class DatasetsTest {
  private static final double EXACT = 0;

  @Test
  void irisIs150RowsOf4FeaturesIn3ClassesOf50() {
    Dataset iris = Datasets.iris();
    assertEquals(150, iris.size());
    assertEquals(4, iris.featureCount());
    assertEquals(List.of("setosa", "versicolor", "virginica"), iris.classNames());
    assertArrayEquals(new int[] {50, 50, 50}, iris.classCounts());
    // load_iris().data[0], data[-1], target[0], target[-1]
    assertArrayEquals(new double[] {5.1, 3.5, 1.4, 0.2}, iris.features(0), EXACT);
    assertArrayEquals(new double[] {5.9, 3.0, 5.1, 1.8}, iris.features(149), EXACT);
    assertEquals(0, iris.label(0));
    assertEquals(2, iris.label(149));
    assertEquals("petal width (cm)", iris.featureNames().get(3));
  }

  @Test
  void digitsIs1797ImagesOf8By8PixelsIn10Classes() {
    Dataset digits = Datasets.digits();
    assertEquals(1797, digits.size());
    assertEquals(Datasets.DIGIT_SIDE * Datasets.DIGIT_SIDE, digits.featureCount());
    assertEquals(10, digits.classCount());
    // np.bincount(load_digits().target)
    assertArrayEquals(
        new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, digits.classCounts());
    // load_digits().images[0], row by row
    double[] first = {
      0, 0, 5, 13, 9, 1, 0, 0,
      0, 0, 13, 15, 10, 15, 5, 0,
      0, 3, 15, 2, 0, 11, 8, 0,
      0, 4, 12, 0, 0, 8, 8, 0,
      0, 5, 8, 0, 0, 9, 8, 0,
      0, 4, 11, 0, 1, 12, 7, 0,
      0, 2, 14, 5, 10, 12, 0, 0,
      0, 0, 6, 13, 10, 0, 0, 0
    };
    assertArrayEquals(first, digits.features(0), EXACT);
    assertEquals(0, digits.label(0));
    assertEquals(8, digits.label(1796));
    assertEquals(14.0, digits.feature(1796, 8 * 7 + 4), EXACT); // images[-1][7][4]
    assertEquals("pixel_7_4", digits.featureNames().get(8 * 7 + 4));
    for (double[] row : digits.features()) {
      for (double pixel : row) {
        assertEquals(Math.rint(pixel), pixel, EXACT);
        assertEquals(true, pixel >= 0 && pixel <= 16, "pixel " + pixel);
      }
    }
  }

  @Test
  void breastCancerIs569RowsOf30FeaturesWith212MalignantAnd357Benign() {
    Dataset cancer = Datasets.breastCancer();
    assertEquals(569, cancer.size());
    assertEquals(30, cancer.featureCount());
    assertEquals(List.of("malignant", "benign"), cancer.classNames());
    assertArrayEquals(new int[] {212, 357}, cancer.classCounts());
    // load_breast_cancer().data[0][:4], data[-1][26:30], feature_names
    assertArrayEquals(new double[] {17.99, 10.38, 122.8, 1001.0},
        java.util.Arrays.copyOf(cancer.features(0), 4), EXACT);
    assertArrayEquals(new double[] {0.0, 0.0, 0.2871, 0.07039},
        java.util.Arrays.copyOfRange(cancer.features(568), 26, 30), EXACT);
    assertEquals(1, cancer.label(568));
    assertEquals("mean radius", cancer.featureNames().get(0));
    assertEquals("fractal dimension error", cancer.featureNames().get(19));
    assertEquals("worst fractal dimension", cancer.featureNames().get(29));
  }

  @Test
  void diabetesIs442RowsOf10RawMeasurementsAndTheProgressionTarget() {
    Dataset diabetes = Datasets.diabetes();
    assertEquals(442, diabetes.size());
    assertEquals(10, diabetes.featureCount());
    assertEquals(0, diabetes.classCount());
    assertEquals(List.of("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"),
        diabetes.featureNames());
    // load_diabetes(scaled=False).data[0], data[-1], target[0], target[-1]
    assertArrayEquals(new double[] {59.0, 2.0, 32.1, 101.0, 157.0, 93.2, 38.0, 4.0, 4.8598, 87.0},
        diabetes.features(0), EXACT);
    assertArrayEquals(new double[] {36.0, 1.0, 19.6, 71.0, 250.0, 133.2, 97.0, 3.0, 4.5951, 92.0},
        diabetes.features(441), EXACT);
    assertEquals(151.0, diabetes.target(0), EXACT);
    assertEquals(57.0, diabetes.target(441), EXACT);
  }

  @Test
  void diabetesScaledEqualsScikitLearnsDefaultLoadDiabetes() {
    Dataset scaled = Datasets.diabetesScaled();
    // load_diabetes().data[0] and data[-1]
    double[] first = {0.038075906433423026, 0.05068011873981862, 0.061696206518683294,
        0.0218723855140367, -0.04422349842444599, -0.03482076283769895, -0.04340084565202491,
        -0.002592261998183278, 0.019907486170462722, -0.01764612515980379};
    double[] last = {-0.045472477940023646, -0.044641636506989144, -0.07303030271641665,
        -0.08141314376144114, 0.08374011738825825, 0.027808929520208008, 0.17381578478910462,
        -0.03949338287409329, -0.00422151393810765, 0.0030644094143684884};
    assertArrayEquals(first, scaled.features(0), 1e-15);
    assertArrayEquals(last, scaled.features(441), 1e-15);
    assertArrayEquals(Datasets.diabetes().targets(), scaled.targets(), EXACT);
    for (int j = 0; j < 10; j++) {
      double sum = 0;
      double squares = 0;
      for (int i = 0; i < 442; i++) {
        sum += scaled.feature(i, j);
        squares += scaled.feature(i, j) * scaled.feature(i, j);
      }
      assertEquals(0, sum, 1e-13, "column " + j + " mean");
      assertEquals(1, squares, 1e-13, "column " + j + " sum of squares");
    }
  }

  @Test
  void noticeBesideTheDataNamesTheLicenceAndEverySource() throws IOException {
    String notice;
    try (InputStream in = Datasets.class.getResourceAsStream("NOTICE")) {
      notice = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (String expected : List.of("BSD 3-Clause License", "The scikit-learn developers",
        "Fisher", "Alpaydin", "Wolberg", "Efron", "iris.csv", "digits.csv.gz",
        "breast_cancer.csv", "diabetes_data_raw.csv.gz", "diabetes_target.csv.gz")) {
      assertEquals(true, notice.contains(expected), "NOTICE lacks " + expected);
    }
  }
}
