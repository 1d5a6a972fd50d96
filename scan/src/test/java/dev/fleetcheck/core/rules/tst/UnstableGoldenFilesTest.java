package dev.fleetcheck.core.rules.tst;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnstableGoldenFilesTest {

  @TempDir Path dir;
  private final UnstableGoldenFiles rule = new UnstableGoldenFiles();

  @Test
  void bigOrRunDependentGoldenFilesFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tests/__snapshots__/test_cli.ambr",
                "# name: test_x\n  'created 2026-06-01T12:00:00Z'\n")
            .file("tests/golden/report.txt", "line\n".repeat(201))
            .file(
                "tests/snapshots/ids.json", "{\"id\": \"123e4567-e89b-12d3-a456-426614174000\"}\n")
            .file("tests/golden/paths.txt", "ok\nwrote /tmp/pytest-1/out.csv\n")
            .build();

    assertThat(findings(check(rule, repo)))
        .containsExactly(
            "tests/__snapshots__/test_cli.ambr:2: golden file holds run-dependent content (time,"
                + " UUID or temp path)",
            "tests/golden/paths.txt:2: golden file holds run-dependent content (time, UUID or temp"
                + " path)",
            "tests/golden/report.txt: golden file of 201 lines (over 200)",
            "tests/snapshots/ids.json:1: golden file holds run-dependent content (time, UUID or"
                + " temp path)");
  }

  @Test
  void smallStableGoldenFilesStayManualAndNoneIsNotApplicable() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("tests/golden/report.txt", "line\n".repeat(200))
            .file("tests/__snapshots__/test_cli.ambr", "# name: test_x\n  'date 2026-06-01'\n")
            .build();
    assertNoEvidentViolation(check(rule, repo));

    Path none = FixtureRepo.in(dir.resolve("n")).python().file("a.py", "x = 1\n").build();
    assertThat(check(rule, none).status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
