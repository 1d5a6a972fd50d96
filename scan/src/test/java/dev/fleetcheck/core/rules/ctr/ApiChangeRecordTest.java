package dev.fleetcheck.core.rules.ctr;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiChangeRecordTest {

  @TempDir Path dir;

  @Test
  void anApiWithoutAnyChangeRecordFails() {
    Path repo = FixtureRepo.in(dir).python().file("app/api.py", "print('hi')\n").build();

    assertThat(findings(check(new ApiChangeRecord(), repo, Profile.API)))
        .singleElement()
        .asString()
        .startsWith("no change record");
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
    for (Path repo : ChangeRecordFixtures.recorded(dir)) {
      assertNoEvidentViolation(check(new ApiChangeRecord(), repo, Profile.API));
    }
  }
}
