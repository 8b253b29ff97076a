package dev.autograd.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
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

  /**
   * Line 2 is blank, the row starting on line 3 has a quoted cell holding a line break, line 5
   * ends in a lone CR, line 7 is blank; lines 1 and 2 end in CRLF. The rows are on lines 3, 5, 6
   * and 8, as the reader's own message about a bad cell on line 8 counts.
   */
  private static final String MIXED_LINES =
      "a,t,b\r\n\r\n1,\"2\n\",3\r\n4,5,6\r7,8,9\n\n10,11,12\n";

  @Test
  void eachRowKeepsTheFileLineItStartsOnCountedAsTheReadersMessagesCount() throws Exception {
    Dataset d = CsvDatasetReader.withHeader("t").read(file(MIXED_LINES));
    assertArrayEquals(new double[] {2, 5, 8, 11}, d.targets(), 0);
    long[] lines = new long[d.size()];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = d.sourceLine(i).orElseThrow();
    }
    assertArrayEquals(new long[] {3, 5, 6, 8}, lines);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CsvDatasetReader.withHeader("t").read(file(MIXED_LINES.replace("11", "x"))));
    assertTrue(e.getMessage().endsWith("data.csv line 8, column 2: not a number: \"x\""),
        e.getMessage());
  }

  @Test
  void eachColumnKeepsItsPlaceInTheFileAroundTheTarget() throws Exception {
    Dataset d = CsvDatasetReader.withHeader("t").read(file(MIXED_LINES));
    assertEquals(OptionalInt.of(1), d.sourceColumn(0));
    assertEquals(OptionalInt.of(3), d.sourceColumn(1));
    assertEquals(OptionalInt.of(2), d.targetSourceColumn());
    Dataset first = CsvDatasetReader.withoutHeader(0).read(file("1,2\n3,4\n"));
    assertEquals(OptionalInt.of(2), first.sourceColumn(0));
    assertEquals(OptionalInt.of(1), first.targetSourceColumn());
    assertEquals(OptionalLong.of(1), first.sourceLine(0));
  }
}
