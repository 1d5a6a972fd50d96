package dev.fleetcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.testing.FixtureRepo;
import dev.fleetcheck.vcs.fetch.GitFetchers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command with --output writes through a pipe and refuses a link to a file. */
class OutputSpecialFilesCliTest {

  @TempDir Path dir;
  @TempDir Path outside;

  private final SteppingClock clock = new SteppingClock(FixtureRepo.NOW);

  private CliRun cli() {
    return CliRun.with().fetchers(GitFetchers.jgit(Map.of())).clock(clock).workingDirectory(dir);
  }

  private Path repo() {
    return FixtureRepo.in(dir.resolve("shop-api")).python().file("app.py", "x = 1\n").git().build();
  }

  private String inventory() throws Exception {
    List<Path> repos = FleetFixtures.repositories(dir.resolve("repos"), 1);
    return FleetFixtures.inventory(dir.resolve("fleet.yaml"), repos, FleetFixtures::fileUrl)
        .toString();
  }

  @Test
  void scanWritesTheReportThroughANamedPipe() throws Exception {
    Path fifo = OutputFiles.mkfifo(dir.resolve("report.pipe"));
    CompletableFuture<String> read = OutputFiles.readInBackground(fifo);

    CliRun.Result result =
        cli().run("scan", repo().toString(), "--format", "json", "--output", fifo.toString());

    assertThat(result.exit()).as(result.err()).isIn(ExitCodes.OK, ExitCodes.NON_COMPLIANT);
    assertThat(read.get(60, TimeUnit.SECONDS)).contains("\"repository\"");
    assertThat(OutputFiles.isFifo(fifo)).isTrue();
  }

  @Test
  void scanSweepAndReportRefuseALinkToAFileAndLeaveItsTargetAlone() throws Exception {
    Path precious = Files.writeString(outside.resolve("precious.conf"), "keep me");
    Path link = Files.createSymbolicLink(dir.resolve("out.txt"), precious);
    String inventory = inventory();

    List<CliRun.Result> results =
        List.of(
            cli().run("scan", repo().toString(), "--output", link.toString()),
            cli()
                .run(
                    "sweep",
                    "--inventory",
                    inventory,
                    "--data-dir",
                    "data",
                    "--fail-on",
                    "never",
                    "--output",
                    "out.txt"),
            cli().run("report", "--format", "csv", "--output", "out.txt", "--data-dir", "data"));

    assertThat(results)
        .allSatisfy(
            result -> {
              assertThat(result.exit()).as(result.err()).isEqualTo(ExitCodes.OPERATIONAL_FAILURE);
              assertThat(result.err()).contains("error_code=output_write_failed", "symbolic link");
            });
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(precious).hasContent("keep me");
  }
}
