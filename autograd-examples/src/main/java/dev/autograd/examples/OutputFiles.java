package dev.autograd.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes the examples' output files whole or not at all: the content goes to a sibling {@code
 * <name>.part} first, which is then moved into place, so a failure (a full disk, a picture that
 * cannot be encoded) never leaves a truncated file behind, nor replaces an existing one.
 */
final class OutputFiles {
  private OutputFiles() {}

  /** Writes the content of a file to the path it is given. */
  @FunctionalInterface
  interface Content {
    void writeTo(Path partial) throws IOException;
  }

  /**
   * Writes {@code content} to {@code file}, through a sibling {@code .part} file that is moved
   * into place once written and deleted if writing fails.
   *
   * @throws IOException if the file cannot be written: the first failure, with a failure to delete
   *     the {@code .part} file afterwards attached as suppressed
   */
  static void write(Path file, Content content) throws IOException {
    Path partial = file.resolveSibling(file.getFileName() + ".part");
    try {
      content.writeTo(partial);
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup); // the first failure is the one to report
      }
      throw e;
    }
  }

  /** Writes {@code text} to {@code file} as UTF-8, whole or not at all (see the class comment). */
  static void writeString(Path file, String text) throws IOException {
    write(file, partial -> Files.writeString(partial, text, StandardCharsets.UTF_8));
  }
}
