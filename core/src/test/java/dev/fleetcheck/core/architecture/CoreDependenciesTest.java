package dev.fleetcheck.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * core is the domain: it must never reach for AWS, a CLI framework, a database driver, a git
 * client, a YAML/TOML parser or the scan engine (module scan).
 */
class CoreDependenciesTest {

  private static final List<String> FORBIDDEN_IMPORTS =
      List.of(
          "software.amazon.",
          "com.amazonaws.",
          "picocli.",
          "org.xerial.",
          "java.sql.",
          "org.eclipse.jgit.",
          "com.fasterxml.jackson.dataformat.",
          "org.yaml.",
          "dev.fleetcheck.core.snapshot.",
          "dev.fleetcheck.core.facts.",
          "dev.fleetcheck.core.python.",
          "dev.fleetcheck.core.secrets.",
          "dev.fleetcheck.core.rules.",
          "dev.fleetcheck.core.waiver.",
          "dev.fleetcheck.core.engine.ScanEngine",
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
