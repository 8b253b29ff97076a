package dev.autograd.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The bill of materials the README tells users to import manages every library module: each
 * module of the parent pom that is a JPMS module (has a {@code module-info.java}), and no other.
 */
class BomTest {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  private static List<String> matches(String text, String regex) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile(regex).matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  @Test
  void bomListsExactlyTheLibraryModulesInReactorOrder() throws IOException {
    List<String> libraries = new ArrayList<>();
    for (String module : matches(Files.readString(ROOT.resolve("pom.xml")),
        "<module>([^<]+)</module>")) {
      if (Files.exists(ROOT.resolve(module).resolve("src/main/java/module-info.java"))) {
        libraries.add(module);
      }
    }
    String bom = Files.readString(ROOT.resolve("autograd-bom/pom.xml"));
    String managed = bom.substring(bom.indexOf("<dependencyManagement>"),
        bom.indexOf("</dependencyManagement>"));
    assertEquals(libraries, matches(managed, "<artifactId>([^<]+)</artifactId>"));
  }
}
