package dev.autograd.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDatasetReaderTest {
  @TempDir Path dir;

  private Path file(String content) throws Exception {
    return Files.writeString(dir.resolve("data.csv"), content, StandardCharsets.UTF_8);
  }

  @Test
  void targetByNameTakesItsColumnAndNamesTheFeaturesFromTheHeader() throws Exception {
    Dataset d = CsvDatasetReader.withHeader("price")
        .read(file("rooms,price,age\n3,250.5,10\n4,300,2\n"));
    assertEquals(List.of("rooms", "age"), d.featureNames());
    assertEquals("price", d.targetName());
    assertArrayEquals(new double[] {3, 10}, d.features(0), 0);
    assertArrayEquals(new double[] {4, 2}, d.features(1), 0);
    assertArrayEquals(new double[] {250.5, 300}, d.targets(), 0);
  }

  @Test
  void targetByIndexWithHeaderUsesTheHeaderNames() throws Exception {
    Dataset d = CsvDatasetReader.withHeader(0).read(file("y,a,b\n1,2,3\n"));
    assertEquals(List.of("a", "b"), d.featureNames());
    assertEquals("y", d.targetName());
    assertArrayEquals(new double[] {2, 3}, d.features(0), 0);
    assertEquals(1, d.target(0), 0);
  }

  @Test
  void withoutHeaderTheLastColumnCanBeTheTargetAndFeaturesAreNumbered() throws Exception {
    Dataset d = CsvDatasetReader.withoutHeader(2).read(file("1,2,0\n3,4,1\n5,6,1"));
    assertEquals(3, d.size());
    assertEquals(List.of("x0", "x1"), d.featureNames());
    assertEquals("target", d.targetName());
    assertArrayEquals(new int[] {1, 2}, d.asClassification().classCounts());
  }

  @Test
  void quotesSpacesBlankLinesCrlfAndAByteOrderMarkAreAccepted() throws Exception {
    Dataset d = CsvDatasetReader.withHeader("t")
        .read(file("\uFEFF\"a\", t\r\n\r\n \"1.5\" , -2e3\r\n\r\n0x1p3,7\r\n\r\n"));
    assertEquals(List.of("a"), d.featureNames());
    assertArrayEquals(new double[] {-2000, 7}, d.targets(), 0);
    assertEquals(8.0, d.feature(1, 0), 0);
  }

  @Test
  void aDelimiterOfChoiceReadsSpaceSeparatedFiles() throws Exception {
    Dataset d = CsvDatasetReader.withoutHeader(0).delimiter(' ').read(file("1 2 3\n4 5 6\n"));
    assertArrayEquals(new double[] {2, 3}, d.features(0), 0);
    assertArrayEquals(new double[] {1, 4}, d.targets(), 0);
  }

  @Test
  void theShippedIrisFileReadByTheUserLoaderEqualsDatasetsIris() throws Exception {
    String iris = new String(Datasets.class.getResourceAsStream("iris.csv").readAllBytes(),
        StandardCharsets.US_ASCII);
    String withoutMetadata = iris.substring(iris.indexOf('\n') + 1);
    Dataset d = CsvDatasetReader.withoutHeader(4).read(file(withoutMetadata)).asClassification();
    Dataset expected = Datasets.iris();
    assertEquals(expected.size(), d.size());
    for (int i = 0; i < d.size(); i++) {
      assertArrayEquals(expected.features(i), d.features(i), 0);
      assertEquals(expected.label(i), d.label(i));
    }
  }
}
