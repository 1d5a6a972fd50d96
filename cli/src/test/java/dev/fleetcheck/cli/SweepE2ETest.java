package dev.fleetcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.ScanRecord;
import dev.fleetcheck.core.model.SweepEntry;
import dev.fleetcheck.core.model.SweepProgress;
import dev.fleetcheck.core.port.PageRequest;
import dev.fleetcheck.embedded.EmbeddedFleet;
import dev.fleetcheck.vcs.server.LoopbackGitServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fleetcheck process end to end: the demo, a sweep killed midway, a bad inventory. */
@Tag("e2e")
class SweepE2ETest {

  private static final int FLEET = 30;

  @TempDir Path dir;

  @Test
  void demoPrintsTheTableWritesTheHtmlAndShowsTheTrendOnASecondRun() throws Exception {
    Path examples = Path.of("..", "examples").toAbsolutePath().normalize();
    String[] demo = {
      "demo", "--data-dir", dir.resolve("data").toString(), "--examples", examples.toString()
    };

    FleetcheckProcess.Finished first = FleetcheckProcess.run(dir.resolve("logs"), "first", demo);
    FleetcheckProcess.Finished second = FleetcheckProcess.run(dir.resolve("logs"), "second", demo);

    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out())
        .startsWith("REPOSITORY")
        .contains("bare-minimum", "decent-cli", "exemplary-api", "lambda-service", "legacy-scripts")
        .contains("no previous sweep");
    Path html = dir.resolve("data/demo/fleet-report.html");
    assertThat(first.err()).contains("report.written", html.toString(), "workers=2");
    assertThat(Files.readString(html)).contains("<html", "exemplary-api");
    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(second.out())
        .contains("trend against sweep " + SweepCommandTest.sweepId(first.err()))
        .contains("=0.0, 0 new, 0 fixed");
  }

  @Test
  void aSweepKilledMidwayAndResumedHasExactlyOneResultPerRepository() throws Exception {
    List<Path> repos = FleetFixtures.repositories(dir.resolve("served"), FLEET);
    Path data = dir.resolve("data");
    try (LoopbackGitServer server = LoopbackGitServer.serve(dir.resolve("served"))) {
      Path inventory =
          FleetFixtures.inventory(
              dir.resolve("fleet.yaml"), repos, repo -> server.url(repo.getFileName().toString()));
      String[] sweep = {
        "sweep",
        "--inventory",
        inventory.toString(),
        "--data-dir",
        data.toString(),
        "--workers",
        "2",
        "--fail-on",
        "never"
      };

      FleetcheckProcess running = FleetcheckProcess.start(dir.resolve("logs"), "killed", sweep);
      waitForReports(data.resolve("reports"), 3, running);
      running.kill();
      String sweepId = SweepCommandTest.sweepId(running.err());
      SweepProgress afterKill = progress(data, sweepId);
      assertThat(afterKill.done()).as("killed midway").isBetween(1, FLEET - 1);

      String[] resume = concat(sweep, "--resume", sweepId);
      FleetcheckProcess.Finished resumed =
          FleetcheckProcess.run(dir.resolve("logs"), "resumed", resume);

      assertThat(resumed.exit()).as(resumed.err()).isZero();
      assertThat(resumed.err()).contains("resumed=true");
      assertThat(resumed.out()).contains(FLEET + " repositories, " + FLEET + " scanned, 0 failed");
    }
    try (EmbeddedFleet store =
        EmbeddedFleet.open(data, Clock.systemUTC(), EmbeddedFleet.QueueSettings.defaults())) {
      SweepProgress progress =
          store
              .results()
              .progress(store.results().sweeps(PageRequest.first(1)).items().get(0).sweepId());
      assertThat(progress.done()).isEqualTo(FLEET);
      assertThat(progress.failed()).isZero();
      for (Path repo : repos) {
        String name = repo.getFileName().toString();
        List<ScanRecord> history = store.results().history(name, PageRequest.first(10)).items();
        assertThat(history).as(name).hasSize(1);
        assertThat(history.get(0).commit()).as(name).isEqualTo(FleetFixtures.head(repo));
        assertThat(history.get(0).succeeded()).isTrue();
        SweepEntry entry = store.results().sweepEntry(progress.sweepId(), name).orElseThrow();
        assertThat(entry.state()).isEqualTo(SweepEntry.State.DONE);
        assertThat(entry.scanId()).isEqualTo(history.get(0).scanId());
      }
    }
  }

  @Test
  void aBadInventoryFileExits1WithItsErrorCodeOnStderrAndNothingOnStdout() throws Exception {
    Path inventory = dir.resolve("bad.yaml");
    Files.writeString(inventory, "repositories:\n  - url: 42\n    colour: blue\n");

    FleetcheckProcess.Finished result =
        FleetcheckProcess.run(
            dir.resolve("logs"),
            "bad",
            "sweep",
            "--inventory",
            inventory.toString(),
            "--data-dir",
            dir.resolve("data").toString());

    assertThat(result.exit()).isEqualTo(ExitCodes.OPERATIONAL_FAILURE);
    assertThat(result.err()).contains("error_code=inventory_invalid");
    assertThat(result.out()).isEmpty();
  }

  private static SweepProgress progress(Path data, String sweepId) {
    try (EmbeddedFleet store =
        EmbeddedFleet.open(data, Clock.systemUTC(), EmbeddedFleet.QueueSettings.defaults())) {
      return store.results().progress(sweepId);
    }
  }

  /** Waits (bounded) until the running sweep has stored {@code count} reports. */
  private static void waitForReports(Path reports, int count, FleetcheckProcess running)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(running.alive()).as("sweep still running: %s", running.err()).isTrue();
      if (countReports(reports) >= count) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no " + count + " reports within 3 minutes: " + running.err());
  }

  private static long countReports(Path reports) throws Exception {
    if (!Files.isDirectory(reports)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(reports)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().startsWith("."))
          .count();
    }
  }

  private static String[] concat(String[] first, String... more) {
    return Stream.concat(Stream.of(first), Stream.of(more)).toArray(String[]::new);
  }
}
