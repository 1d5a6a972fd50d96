package dev.fleetcheck.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** core is the domain: it must never reach for AWS, a CLI framework or a database driver. */
class CoreDependenciesTest {

  private static final List<String> FORBIDDEN_IMPORTS =
      List.of(
          "software.amazon.",
          "com.amazonaws.",
          "picocli.",
          "org.xerial.",
          "java.sql.",
          "dev.fleetcheck.cli.",
          "dev.fleetcheck.embedded.",
          "dev.fleetcheck.vcs.",
          "dev.fleetcheck.aws.");

  @Test
  void mainSourcesImportNoAwsNoCliAndNoAdapter() throws IOException {
    Path sources = Path.of("src", "main", "java");
    List<String> offending;
    try (Stream<Path> files = Files.walk(sources)) {
      offending =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .flatMap(CoreDependenciesTest::forbiddenLines)
              .toList();
    }
    assertThat(offending).isEmpty();
  }

  @Test
  void pomDeclaresNoAwsArtifact() throws IOException {
    String pom = Files.readString(Path.of("pom.xml"));
    assertThat(pom).doesNotContain("software.amazon").doesNotContain("com.amazonaws");
  }

  private static Stream<String> forbiddenLines(Path file) {
    try {
      return Files.readAllLines(file).stream()
          .filter(line -> line.startsWith("import "))
          .filter(
              line ->
                  FORBIDDEN_IMPORTS.stream()
                      .anyMatch(f -> line.contains(" " + f) || line.contains("static " + f)))
          .map(line -> file + ": " + line);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
