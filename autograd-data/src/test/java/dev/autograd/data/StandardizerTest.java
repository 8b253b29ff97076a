package dev.autograd.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandardizerTest {
  @Test
  void fittedMeansAndScalesEqualScikitLearnsStandardScaler() {
    // StandardScaler().fit(load_iris().data).mean_ and .scale_
    Standardizer iris = Standardizer.fit(Datasets.iris());
    assertArrayEquals(new double[] {5.843333333333335, 3.057333333333334, 3.7580000000000027,
        1.199333333333334}, iris.means(), 1e-13);
    assertArrayEquals(new double[] {0.8253012917851409, 0.43441096773549437, 1.7594040657753032,
        0.7596926279021594}, iris.scales(), 1e-13);
    // StandardScaler().fit(load_digits().data): pixel_0_0 is always 0, so its scale is 1
    Standardizer digits = Standardizer.fit(Datasets.digits());
    assertArrayEquals(new double[] {0.0, 0.3038397328881469, 5.204785754034502,
        11.835837506956038}, java.util.Arrays.copyOf(digits.means(), 4), 1e-13);
    assertArrayEquals(new double[] {1.0, 0.9069396416225765, 4.7535031654762925,
        4.247659479558818}, java.util.Arrays.copyOf(digits.scales(), 4), 1e-13);
  }

  @Test
  void aColumnWhoseSumOrSumOfSquaresOverflowsIsRejectedNamingIt() {
    // The mean of {1e308, 1e308, 0} overflowed to Infinity and transform then threw
    // "features[0][0] must be finite, got NaN"; the squares of +-1e200 overflowed, the scale
    // became Infinity and the column silently turned into zeros.
    Dataset big = Dataset.of(new double[][] {{1, 1e308}, {2, 1e308}, {3, 0}}, new double[3])
        .withFeatureNames(List.of("a", "b"));
    assertEquals("feature column 1 (b) cannot be standardised: its mean overflows (Infinity);"
        + " values reach 1.0E308", assertThrows(IllegalArgumentException.class,
            () -> Standardizer.fit(big)).getMessage());
    Dataset wide = Dataset.of(new double[][] {{1e200}, {-1e200}, {0}}, new double[3]);
    assertEquals("feature column 0 (x0) cannot be standardised: its variance overflows"
        + " (Infinity); values reach 1.0E200", assertThrows(IllegalArgumentException.class,
            () -> Standardizer.fit(wide)).getMessage());
  }

  @Test
  void aColumnTooLargeToStandardiseReadFromAFileIsNamedByItsColumnThereToo(@TempDir Path dir)
      throws IOException {
    // The target is the file's first column, so feature column 0 (x0) is the file's column 2.
    // It said only "feature column 0 (x0)", a column of the dataset, while the reader's and
    // transform's messages count the file's columns from 1.
    Path file = Files.writeString(dir.resolve("wide.csv"), "1,1e200\n2,-1e200\n3,0\n",
        StandardCharsets.UTF_8);
    Dataset data = CsvDatasetReader.withoutHeader(0).read(file);
    assertEquals("feature column 0 (x0, column 2 of its file) cannot be standardised: its"
        + " variance overflows (Infinity); values reach 1.0E200",
        assertThrows(IllegalArgumentException.class, () -> Standardizer.fit(data)).getMessage());
  }

  @Test
  void aTestValueThatStandardisesToInfinityIsRejectedNamingRowAndColumn() {
    // It threw "features[1][0] must be finite, got Infinity", as if the caller's data were not.
    Standardizer scaler =
        Standardizer.fit(Dataset.of(new double[][] {{-8e307}, {-8e307}}, new double[2]));
    Dataset far = Dataset.of(new double[][] {{0}, {1e308}}, new double[2]);
    assertEquals("row 1, column 0 (x0): 1.0E308 standardises to Infinity (mean -8.0E307, scale"
        + " 1.0)", assertThrows(IllegalArgumentException.class,
            () -> scaler.transform(far)).getMessage());
  }

  @Test
  void aFarValueReadFromAFileIsNamedByItsLineAndColumnThereToo(@TempDir Path dir)
      throws IOException {
    // Line 1 is the header, line 3 blank; the target is the middle column, so feature column 1
    // (b) is the file's column 3. It said only "row 2, column 1 (b)", a row of the dataset.
    Path file = Files.writeString(dir.resolve("far.csv"),
        "a,y,b\r\n1,0,-8e307\r\n\r\n2,0,-8e307\r\n3,0,1e308\r\n", StandardCharsets.UTF_8);
    Dataset data = CsvDatasetReader.withHeader("y").read(file);
    Standardizer scaler = Standardizer.fit(data.select(new int[] {0, 1}));
    assertEquals("row 2, column 1 (b, line 5, column 3 of its file): 1.0E308 standardises to"
        + " Infinity (mean -8.0E307, scale 1.0)", assertThrows(IllegalArgumentException.class,
            () -> scaler.transform(data)).getMessage());
  }

  @Test
  void aConstantColumnBecomesExactlyZerosEvenWhenItsSummedMeanRoundsAwayFromIt() {
    // Eight 0.1s sum to a mean of 0.09999999999999999: the column had a scale of 2^-56 and
    // standardised to all 1s, so it trained like a second bias.
    double[][] x = new double[8][];
    for (int i = 0; i < x.length; i++) {
      x[i] = new double[] {0.1, i};
    }
    Dataset data = Dataset.of(x, new double[8]);
    Standardizer scaler = Standardizer.fit(data);
    assertEquals(0.1, scaler.means()[0]);
    assertEquals(1.0, scaler.scales()[0]);
    Dataset standardised = scaler.transform(data);
    for (int i = 0; i < x.length; i++) {
      assertEquals(0.0, standardised.feature(i, 0), "row " + i);
    }
    Dataset other = scaler.transform(Dataset.of(new double[][] {{0.6, 0}}, new double[1]));
    assertEquals(0.5, other.feature(0, 0), 1e-15);
  }

  @Test
  void aConstantColumnOfHugeValuesFitsThoughItsSumOverflows() {
    // Four times 1e308 sum to Infinity: a constant column is not summed, so it fits (mean 1e308,
    // scale 1) and standardises to exact zeros; a value far from it in other data is rejected.
    double[][] x = {{1e308, 1}, {1e308, 2}, {1e308, 3}, {1e308, 4}};
    Standardizer scaler = Standardizer.fit(Dataset.of(x, new double[4]));
    assertEquals(1e308, scaler.means()[0]);
    assertEquals(1.0, scaler.scales()[0]);
    Dataset standardised = scaler.transform(Dataset.of(x, new double[4]));
    for (int i = 0; i < x.length; i++) {
      assertEquals(0.0, standardised.feature(i, 0), "row " + i);
    }
    assertThrows(IllegalArgumentException.class,
        () -> scaler.transform(Dataset.of(new double[][] {{-1e308, 1}}, new double[1])));
  }

  @Test
  void toStringShowsTheFittedMeansAndScalesToFourDigits() {
    assertEquals("Standardizer(4 features, means [5.843, 3.057, 3.758, 1.199],"
        + " scales [0.8253, 0.4344, 1.759, 0.7597])", Standardizer.fit(Datasets.iris()).toString());
  }

  @Test
  void theFittedPartGetsMean0AndDeviation1AndAConstantColumnBecomes0() {
    Dataset train = TrainTestSplit.stratified(Datasets.digits(), 0.2, 7).train();
    Dataset standardised = Standardizer.fit(train).transform(train);
    for (int j = 0; j < train.featureCount(); j++) {
      double sum = 0;
      double squares = 0;
      boolean constant = true;
      for (int i = 0; i < train.size(); i++) {
        double v = standardised.feature(i, j);
        sum += v;
        squares += v * v;
        constant &= train.feature(i, j) == train.feature(0, j);
      }
      assertEquals(0, sum / train.size(), 1e-12, "column " + j);
      assertEquals(constant ? 0 : 1, squares / train.size(), 1e-12, "column " + j);
    }
    assertArrayEquals(train.labels(), standardised.labels());
    assertEquals(train.featureNames(), standardised.featureNames());
  }

  @Test
  void theTestPartIsScaledWithTheTrainingStatisticsNotItsOwn() {
    TrainTestSplit split = TrainTestSplit.stratified(Datasets.breastCancer(), 0.2, 3);
    Standardizer scaler = Standardizer.fit(split.train());
    Dataset test = scaler.transform(split.test());
    double[] means = scaler.means();
    double[] scales = scaler.scales();
    for (int i = 0; i < test.size(); i++) {
      for (int j = 0; j < test.featureCount(); j++) {
        assertEquals((split.test().feature(i, j) - means[j]) / scales[j], test.feature(i, j), 0);
      }
    }
    assertNotEquals(Standardizer.fit(split.test()).means()[0], means[0]);
    assertArrayEquals(test.features(0), scaler.transform(split.test().features(0)), 0);
  }
}
