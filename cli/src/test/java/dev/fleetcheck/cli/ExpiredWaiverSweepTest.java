package dev.fleetcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.cli.sweep.FleetRuntime;
import dev.fleetcheck.core.contract.MutableClock;
import dev.fleetcheck.core.model.RuleResult;
import dev.fleetcheck.core.model.ScanRecord;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.port.PageRequest;
import dev.fleetcheck.core.rules.RulePack;
import dev.fleetcheck.core.testing.FixtureRepo;
import dev.fleetcheck.vcs.fetch.GitFetchers;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real engine, store and fetcher: a sweep of an unchanged repository reuses its WAIVED result
 * until the waiver expires, then scans again and shows the FAIL with "waiver expired on DATE".
 */
class ExpiredWaiverSweepTest {

  private static final String EXPIRES = "2026-06-10";

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(FixtureRepo.NOW);

  /** A required rule the fixture project fails, found by scanning it without any waiver. */
  private static String failingRule(Path unwaived) {
    return FixtureRepo.scan(RulePack.standard(), unwaived, id -> true).results().stream()
        .filter(r -> r.status() == Status.FAIL)
        .map(r -> r.rule().id())
        .findFirst()
        .orElseThrow();
  }

  private static FixtureRepo project(Path folder) {
    return FixtureRepo.in(folder)
        .python()
        .file("src/svc/__init__.py", "VALUE = 1\n")
        .file("tests/test_value.py", "def test_value():\n    assert True\n");
  }

  private CliRun.Result sweep(Path inventory) {
    CliRun.Result result =
        CliRun.with()
            .fetchers(GitFetchers.jgit(Map.of()))
            .clock(clock)
            .workingDirectory(dir)
            .run(
                "sweep",
                "--inventory",
                inventory.toString(),
                "--data-dir",
                "data",
                "--fail-on",
                "never");
    assertThat(result.exit()).as(result.err()).isEqualTo(ExitCodes.OK);
    return result;
  }

  private List<ScanRecord> history(FleetRuntime runtime) {
    return runtime.queries().history("svc", PageRequest.first(10)).items();
  }

  private static RuleResult result(FleetRuntime runtime, String scanId, String ruleId) {
    return runtime.queries().report(scanId).results().stream()
        .filter(r -> r.rule().id().equals(ruleId))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aWaivedResultIsReusedUntilTheWaiverExpiresThenTheFailReturns() throws IOException {
    String rule = failingRule(project(dir.resolve("unwaived")).build());
    Path repo =
        project(dir.resolve("svc"))
            .file(
                "docs/adr/0001-waive.md",
                "Waives: " + rule + "\nExpires: " + EXPIRES + "\n\n## Rationale\nMigrating.\n")
            .git()
            .build();
    Path inventory =
        FleetFixtures.inventory(dir.resolve("fleet.yaml"), List.of(repo), FleetFixtures::fileUrl);

    sweep(inventory);
    clock.advance(Duration.ofDays(2));
    sweep(inventory);
    try (FleetRuntime runtime =
        FleetRuntime.open(dir.resolve("data"), RulePack.standard(), clock, "test")) {
      assertThat(history(runtime)).hasSize(1);
      assertThat(result(runtime, history(runtime).get(0).scanId(), rule).status())
          .isEqualTo(Status.WAIVED);
    }

    clock.advance(Duration.between(clock.instant(), Instant.parse("2026-06-11T00:00:01Z")));
    sweep(inventory);

    try (FleetRuntime runtime =
        FleetRuntime.open(dir.resolve("data"), RulePack.standard(), clock, "test")) {
      List<ScanRecord> history = history(runtime);
      assertThat(history).hasSize(2);
      RuleResult now = result(runtime, history.get(0).scanId(), rule);
      assertThat(now.status()).isEqualTo(Status.FAIL);
      assertThat(now.outcome().evidence())
          .anySatisfy(e -> assertThat(e.message()).isEqualTo("waiver expired on " + EXPIRES));
    }
  }
}
