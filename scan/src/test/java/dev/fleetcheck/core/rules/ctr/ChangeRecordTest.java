package dev.fleetcheck.core.rules.ctr;

import static dev.fleetcheck.core.rules.assisted.AssistedFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.assisted.AssistedFixture.check;
import static dev.fleetcheck.core.rules.assisted.AssistedFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeRecordTest {

  @TempDir Path dir;

  @Test
  void aRepositoryWithoutAnyChangeRecordFailsBothRules() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("tool/cli.py", "print('hi')\n")
            .file("docs/guide/changes.md", "not a change record: too deep\n")
            .build();

    assertThat(findings(check(new CliChangeRecord(), repo, Profile.CLI)))
        .singleElement()
        .asString()
        .startsWith("no change record");
    assertThat(findings(check(new ApiChangeRecord(), repo, Profile.API))).hasSize(1);
  }

  @Test
  void anApiThatIsAlsoACliIsJudgedUnderCtr002() {
    Path repo = FixtureRepo.in(dir).python().file("tool/cli.py", "print('hi')\n").build();

    Outcome outcome = check(new ApiChangeRecord(), repo, Profile.API, Profile.CLI);

    assertThat(outcome.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(outcome.toString()).contains("same obligation as PY-CTR-002");
  }

  @Test
  void changelogsFragmentsAndReleaseToolsStayManual() {
    Path changelog =
        FixtureRepo.in(dir.resolve("a")).python().file("CHANGELOG.md", "# 1.0\n").build();
    Path fragments =
        FixtureRepo.in(dir.resolve("b")).python().file("changelog.d/12.feature.md", "x\n").build();
    Path towncrier =
        FixtureRepo.in(dir.resolve("c"))
            .python()
            .file("pyproject.toml", "[project]\nname = 'x'\n\n[tool.towncrier]\ndirectory = 'n'\n")
            .build();
    Path releasePlease =
        FixtureRepo.in(dir.resolve("d"))
            .python()
            .file(
                ".github/workflows/release.yml",
                "jobs:\n  r:\n    steps:\n      - uses: googleapis/release-please-action@v4\n")
            .build();

    for (Path repo : new Path[] {changelog, fragments, towncrier, releasePlease}) {
      assertNoEvidentViolation(check(new CliChangeRecord(), repo, Profile.CLI));
      assertNoEvidentViolation(check(new ApiChangeRecord(), repo, Profile.API));
    }
  }
}
