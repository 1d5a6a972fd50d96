package dev.fleetcheck.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.facts.profile.ProfileDetector;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.snapshot.RepoSnapshot;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticTreeTest {

  @TempDir Path first;
  @TempDir Path second;

  @Test
  void theSameSeedWritesTheSameTree() throws IOException {
    SyntheticTree.Written a = SyntheticTree.generate(first, 400, 0.5, 7L);
    SyntheticTree.Written b = SyntheticTree.generate(second, 400, 0.5, 7L);

    assertThat(a).isEqualTo(b);
    List<Path> files = regularFiles(first);
    assertThat(files).hasSize(400);
    for (Path file : files) {
      assertThat(Files.readAllBytes(second.resolve(first.relativize(file))))
          .isEqualTo(Files.readAllBytes(file));
    }
  }

  @Test
  void theTreeHasTheRequestedShapeAndTheSnapshotSeesAllOfIt() {
    SyntheticTree.Written written = SyntheticTree.generate(first, 1_000, 0.6, 42L);

    RepoSnapshot snapshot = RepoSnapshot.of(first);
    List<SourceFile> python = snapshot.files().stream().filter(SourceFile::isPython).toList();

    assertThat(written.files()).isEqualTo(1_000);
    assertThat(snapshot.files()).hasSize(1_000);
    assertThat(python).hasSize(written.pythonFiles());
    assertThat(written.pythonFiles()).isBetween(520, 680);
    assertThat(python.stream().mapToLong(SourceFile::size).sum()).isEqualTo(written.pythonBytes());
    assertThat(snapshot.files().stream().mapToLong(SourceFile::size).sum())
        .isEqualTo(written.bytes());
    assertThat(snapshot.exists("pyproject.toml")).isTrue();
    assertThat(snapshot.exists("Makefile")).isTrue();
    assertThat(python).anyMatch(SourceFile::testCode);
    assertThat(snapshot.files()).anyMatch(SourceFile::binary);
    assertThat(snapshot.files()).anyMatch(f -> f.size() > 10 * 1024);
    assertThat(python)
        .anyMatch(f -> snapshot.readText(f.path()).orElseThrow().contains("requests.get(url)\n"));
    assertThat(snapshot.exists("template.yaml")).isTrue();
    assertThat(new Facts(snapshot).get(ProfileDetector.FACT).profiles())
        .containsExactlyInAnyOrder(Profile.PYTHON, Profile.API, Profile.CLI, Profile.LAMBDA);
    for (String service : List.of("@app.get(", "@click.command(", "def handler(event, context):")) {
      assertThat(python)
          .as(service)
          .anyMatch(
              f -> !f.testCode() && snapshot.readText(f.path()).orElseThrow().contains(service));
    }
  }

  private static List<Path> regularFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
