package dev.autograd.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {

  @TempDir Path dir;

  @Test
  void writesTheWholeTextAndLeavesNoPartFile() throws IOException {
    Path file = dir.resolve("split.txt");
    OutputFiles.writeString(file, "train: 1,2\ntest: 3\n");
    assertEquals("train: 1,2\ntest: 3\n", Files.readString(file));
    assertFalse(Files.exists(dir.resolve("split.txt.part")));
  }

  @Test
  void aWriteThatFailsHalfwayLeavesNoFileBehind() {
    Path file = dir.resolve("graph.dot");
    IOException e = assertThrows(IOException.class, () -> OutputFiles.write(file, partial -> {
      Files.writeString(partial, "digraph {");
      throw new IOException("disk full");
    }));
    assertEquals("disk full", e.getMessage());
    assertFalse(Files.exists(file));
    assertFalse(Files.exists(dir.resolve("graph.dot.part")));
  }

  @Test
  void aWriteThatFailsHalfwayLeavesAnExistingFileAsItWas() throws IOException {
    Path file = Files.writeString(dir.resolve("graph.dot"), "the old graph");
    assertThrows(IOException.class, () -> OutputFiles.write(file, partial -> {
      Files.writeString(partial, "digraph {");
      throw new IOException("disk full");
    }));
    assertEquals("the old graph", Files.readString(file));
  }
}
