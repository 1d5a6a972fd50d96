package dev.fleetcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No temporary folder outlives a fleetcheck process, and a killed run's are removed next time. */
@Tag("e2e")
class TempFoldersE2ETest {

  @TempDir Path dir;

  @Test
  void aCloneScanLeavesNoTemporaryFolderAndRemovesAKilledRunsLeftovers() throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path killed = Files.createDirectories(tmp.resolve("fleetcheck-run-" + gone.pid() + "-x1"));
    Files.writeString(killed.resolve("owner"), gone.pid() + " 1700000000000");
    Files.createDirectories(killed.resolve("fleetcheck-clone-1/.git"));
    Path repo =
        FixtureRepo.in(dir.resolve("shop-api")).python().file("app.py", "x = 1\n").git().build();

    FleetcheckProcess.Finished scan =
        FleetcheckProcess.start(
                dir.resolve("logs"),
                "scan",
                Map.of("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + tmp),
                "scan",
                repo.toUri().toString(),
                "--fail-on",
                "never")
            .await(5);

    assertThat(scan.exit()).as(scan.err()).isZero();
    assertThat(scan.out()).contains("Repository: shop-api");
    try (Stream<Path> left = Files.list(tmp)) {
      List<String> names = left.map(p -> p.getFileName().toString()).toList();
      assertThat(names).as("git home, clone and the killed run's folder").isEmpty();
    }
  }
}
