package dev.fleetcheck.core.rules.ctr;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliChangeRecordTest {

  @TempDir Path dir;

  @Test
  void aRepositoryWithoutAnyChangeRecordFails() {
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
  }

  @Test
  void changelogsFragmentsAndReleaseToolsStayManual() {
    for (Path repo : ChangeRecordFixtures.recorded(dir)) {
      assertNoEvidentViolation(check(new CliChangeRecord(), repo, Profile.CLI));
    }
  }
}
