package dev.fleetcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.testing.FixtureRepo;
import dev.fleetcheck.vcs.fetch.GitFetchers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures of the sweep's own machine (its data dir, its inventory) as opposed to a repository's.
 */
class SweepLocalFailuresTest {

  @TempDir Path dir;

  private final SteppingClock clock = new SteppingClock(FixtureRepo.NOW);

  private CliRun cli() {
    return CliRun.with().fetchers(GitFetchers.jgit(Map.of())).clock(clock).workingDirectory(dir);
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void anUnwritableReportFolderStopsTheSweepAndResumeAfterTheFixLosesNothing() throws Exception {
    List<Path> repos = FleetFixtures.repositories(dir.resolve("repos"), 3);
    String inventory =
        FleetFixtures.inventory(dir.resolve("fleet.yaml"), repos, FleetFixtures::fileUrl)
            .toString();
    // A file where the report folder goes: unwritable even for root, unlike a chmod.
    Path reports = Files.createDirectories(dir.resolve("data")).resolve("reports");
    Files.writeString(reports, "not a folder");

    CliRun.Result stopped =
        cli().run("sweep", "--inventory", inventory, "--data-dir", "data", "--fail-on", "never");

    assertThat(stopped.exit()).as(stopped.err()).isEqualTo(ExitCodes.OPERATIONAL_FAILURE);
    assertThat(stopped.err())
        .contains("command.error", "error_code=output_write_failed", "cannot write report")
        .contains(reports.toString(), "--resume");
    assertThat(stopped.out()).isEmpty();
    String sweepId = SweepCommandTest.sweepId(stopped.err());

    Files.delete(reports);
    CliRun.Result resumed =
        cli()
            .run(
                "sweep",
                "--inventory",
                inventory,
                "--data-dir",
                "data",
                "--fail-on",
                "never",
                "--resume",
                sweepId);

    assertThat(resumed.exit()).as(resumed.err()).isEqualTo(ExitCodes.OK);
    assertThat(resumed.out()).contains("3 repositories, 3 scanned, 0 failed");
    for (String name : List.of("repo-00", "repo-01", "repo-02")) {
      assertThat(resumed.out().lines().filter(line -> line.startsWith(name))).hasSize(1);
    }
  }

  @Test
  void aZeroByteDatabaseIsStoreFailedNamingTheFileForSweepAndReport() throws Exception {
    Path db = Files.createDirectories(dir.resolve("data")).resolve("fleetcheck.db");
    Files.createFile(db);
    String inventory =
        FleetFixtures.inventory(
                dir.resolve("fleet.yaml"),
                FleetFixtures.repositories(dir.resolve("repos"), 1),
                FleetFixtures::fileUrl)
            .toString();

    for (CliRun.Result result :
        List.of(
            cli().run("sweep", "--inventory", inventory, "--data-dir", "data"),
            cli().run("report", "--format", "json", "--output", "-", "--data-dir", "data"))) {
      assertThat(result.exit()).as(result.err()).isEqualTo(ExitCodes.OPERATIONAL_FAILURE);
      assertThat(result.err()).contains("error_code=store_failed", db.toString(), "empty");
      assertThat(result.out()).isEmpty();
    }
    assertThat(Files.size(db)).isZero();
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void anInventoryThatIsADeviceOrAPipeIsInventoryInvalid() throws Exception {
    Path fifo = OutputFiles.mkfifo(dir.resolve("fleet.pipe"));

    for (String inventory : List.of("/dev/zero", fifo.toString())) {
      CliRun.Result result = cli().run("sweep", "--inventory", inventory, "--data-dir", "data");

      assertThat(result.exit()).as(result.err()).isEqualTo(ExitCodes.OPERATIONAL_FAILURE);
      assertThat(result.err()).contains("error_code=inventory_invalid", "not a regular file");
    }
  }
}
