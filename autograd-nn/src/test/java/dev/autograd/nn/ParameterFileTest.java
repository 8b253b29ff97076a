package dev.autograd.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autograd.core.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParameterFileTest {
  @TempDir Path dir;

  @Test
  void roundTripRestoresEveryWeightExactly() throws IOException {
    Mlp saved = new Mlp(3, List.of(8, 8, 2), Activation.TANH, Init.XAVIER, new Random(1));
    double[] awkward = {
      0.1, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, 1.0 / 3, Math.nextUp(1.0),
      Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 1e-300
    };
    for (int i = 0; i < awkward.length; i++) {
      saved.parameters().get(i).setData(awkward[i]);
    }
    Path file = dir.resolve("mlp.txt");
    ParameterFile.save(saved, file);
    Mlp loaded = new Mlp(3, List.of(8, 8, 2), Activation.TANH, Init.XAVIER, new Random(2));
    ParameterFile.load(loaded, file);
    for (int i = 0; i < saved.parameters().size(); i++) {
      assertEquals(
          Double.doubleToLongBits(saved.parameters().get(i).data()),
          Double.doubleToLongBits(loaded.parameters().get(i).data()),
          "parameter " + i);
    }
  }

  @Test
  void fileIsAHeaderThenOneValuePerLine() throws IOException {
    BiasTrickLinear model =
        new BiasTrickLinear(1, 1, Activation.LINEAR, Init.UNIFORM, new Random(0));
    model.parameters().get(0).setData(0.25);
    model.parameters().get(1).setData(-1e-3);
    Path file = dir.resolve("linear.txt");
    ParameterFile.save(model, file);
    assertEquals("autograd-parameters 1 2\n0.25\n-0.001\n",
        Files.readString(file, StandardCharsets.UTF_8));
  }

  @Test
  void handWrittenFileWithoutFinalLineBreakLoads() throws IOException {
    BiasTrickLinear model =
        new BiasTrickLinear(1, 1, Activation.LINEAR, Init.UNIFORM, new Random(0));
    ParameterFile.load(model, write("autograd-parameters 1 2\n2.0\n0x1.4p3"));
    assertEquals(2.0, model.parameters().get(0).data());
    assertEquals(10.0, model.parameters().get(1).data());
  }

  @Test
  void countMismatchNamesBothCountsAndLeavesTheModelUnchanged() throws IOException {
    BiasTrickLinear model =
        new BiasTrickLinear(1, 1, Activation.LINEAR, Init.UNIFORM, new Random(0));
    assertRejected(model, "autograd-parameters 1 3\n1\n2\n3\n",
        "line 1: expected 2 values but the header declares 3");
  }

  @Test
  void missingValueLinesAreReported() throws IOException {
    BiasTrickLinear model =
        new BiasTrickLinear(1, 1, Activation.LINEAR, Init.UNIFORM, new Random(0));
    assertRejected(model, "autograd-parameters 1 2\n1.5\n",
        "expected 2 value lines after the header on line 1, found 1");
    assertRejected(model, "autograd-parameters 1 2\n1.5\n2.5\n\n",
        "expected 2 value lines after the header, found 3");
  }

  @Test
  void badNumberNamesItsLineAndLeavesTheModelUnchanged() throws IOException {
    BiasTrickLinear model =
        new BiasTrickLinear(2, 1, Activation.LINEAR, Init.UNIFORM, new Random(0));
    assertRejected(model, "autograd-parameters 1 3\n1.5\n2.5\nthree\n",
        "line 4: expected a number for value 2, found 'three'");
    assertRejected(model, "autograd-parameters 1 3\n1.5\n 2.5\n3\n",
        "line 3: expected a number for value 1, found ' 2.5'");
  }

  @Test
  void badHeaderIsReported() throws IOException {
    BiasTrickLinear model =
        new BiasTrickLinear(1, 1, Activation.LINEAR, Init.UNIFORM, new Random(0));
    assertRejected(model, "",
        "line 1: expected header 'autograd-parameters 1 <count>', found an empty file");
    assertRejected(model, "autograd-parameters 2 2\n1\n2\n",
        "line 1: expected header 'autograd-parameters 1 <count>', found 'autograd-parameters 2 2'");
    assertRejected(model, "weights 1 2\n1\n2\n", "found 'weights 1 2'");
    assertRejected(model, "autograd-parameters 1 two\n1\n2\n",
        "line 1: expected a value count, found 'two'");
  }

  @Test
  void binaryFileIsRejectedAsMalformed() throws IOException {
    BiasTrickLinear model =
        new BiasTrickLinear(1, 1, Activation.LINEAR, Init.UNIFORM, new Random(0));
    Path file = dir.resolve("binary.bin");
    Files.write(file, new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1});
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ParameterFile.load(model, file));
    assertEquals(file + ": not a parameter file (not UTF-8 text)", e.getMessage());
  }

  @Test
  void missingFileThrowsIoException() {
    BiasTrickLinear model =
        new BiasTrickLinear(1, 1, Activation.LINEAR, Init.UNIFORM, new Random(0));
    assertThrows(IOException.class, () -> ParameterFile.load(model, dir.resolve("absent.txt")));
  }

  @Test
  void aDirectoryIsRejectedNamingIt() throws IOException {
    // Reading one threw "Is a directory", naming no file.
    BiasTrickLinear model =
        new BiasTrickLinear(1, 1, Activation.LINEAR, Init.UNIFORM, new Random(0));
    IOException e = assertThrows(IOException.class, () -> ParameterFile.load(model, dir));
    assertEquals(dir + " is a directory, not a parameter file", e.getMessage());
    e = assertThrows(IOException.class, () -> ParameterFile.readLines(dir));
    assertEquals(dir + " is a directory, not a parameter file", e.getMessage());
    e = assertThrows(IOException.class, () -> ParameterFile.save(model, dir));
    assertTrue(e.getMessage().startsWith(dir.toString()), e.getMessage());
  }

  @Test
  void nullArgumentsAreRejected() {
    BiasTrickLinear model =
        new BiasTrickLinear(1, 1, Activation.LINEAR, Init.UNIFORM, new Random(0));
    assertThrows(NullPointerException.class, () -> ParameterFile.save(null, dir.resolve("a")));
    assertThrows(NullPointerException.class, () -> ParameterFile.save(model, null));
    assertThrows(NullPointerException.class, () -> ParameterFile.load(model, null));
    Module broken = () -> Arrays.asList(Value.of(1.0), null);
    assertEquals("model.parameters()[1] is null", assertThrows(NullPointerException.class,
        () -> ParameterFile.save(broken, dir.resolve("b"))).getMessage());
  }

  @Test
  void aBlockNameMustBeOneNonEmptyWord() {
    for (String bad : new String[] {"", "two words", "line\nbreak", "carriage\rreturn"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> ParameterFile.block(bad, new double[] {1.0}));
      assertEquals("a block name must be a non-empty word, got '" + bad + "'", e.getMessage());
    }
    assertEquals("adam-moments 1 1\n1.0\n", ParameterFile.block("adam-moments", new double[] {1}));
  }

  @Test
  void aTiedWeightIsSavedOnceAndLoadedOnce() throws IOException {
    Value w = Value.of(0.25, "w");
    Value b = Value.of(-0.5, "b");
    Module tied = () -> List.of(w, b, w);
    Path file = dir.resolve("tied.txt");
    ParameterFile.save(tied, file);
    assertEquals("autograd-parameters 1 2\n0.25\n-0.5\n",
        Files.readString(file, StandardCharsets.UTF_8));
    ParameterFile.load(tied, write("autograd-parameters 1 2\n3.0\n4.0\n"));
    assertEquals(3.0, w.data());
    assertEquals(4.0, b.data());
    assertRejected(tied, "autograd-parameters 1 3\n1\n2\n3\n",
        "line 1: expected 2 values but the header declares 3");
  }

  @Test
  void aNonLeafParameterIsRejectedOnSaveAndLoad() throws IOException {
    Value w = Value.of(0.25, "w");
    Module broken = () -> List.of(w, w.neg());
    String message = "model.parameters()[1] must be a leaf, but was made by op 'neg'";
    assertEquals(message, assertThrows(IllegalArgumentException.class,
        () -> ParameterFile.save(broken, dir.resolve("c"))).getMessage());
    Path file = write("autograd-parameters 1 2\n1.0\n2.0\n");
    assertEquals(message, assertThrows(IllegalArgumentException.class,
        () -> ParameterFile.load(broken, file)).getMessage());
    assertEquals(0.25, w.data());
  }

  @Test
  void moduleZeroGradClearsATiedWeight() {
    Value w = Value.of(0.25, "w");
    w.setGrad(5.0);
    Module tied = () -> List.of(w, w);
    tied.zeroGrad();
    assertEquals(0.0, w.grad());
  }

  private Path write(String content) throws IOException {
    Path file = Files.createTempFile(dir, "params", ".txt");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private void assertRejected(Module model, String content, String expectedMessagePart)
      throws IOException {
    double[] before = model.parameters().stream().mapToDouble(Value::data).toArray();
    Path file = write(content);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ParameterFile.load(model, file));
    assertTrue(e.getMessage().contains(expectedMessagePart), e.getMessage());
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    for (int i = 0; i < before.length; i++) {
      assertEquals(before[i], model.parameters().get(i).data(), 0.0, "parameter " + i);
    }
  }
}
