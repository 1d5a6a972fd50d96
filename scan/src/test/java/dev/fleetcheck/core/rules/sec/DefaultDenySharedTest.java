package dev.fleetcheck.core.rules.sec;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultDenySharedTest {

  @TempDir Path dir;

  @Test
  void givesWayToTheHomeWhenItFailsAndStaysManualOtherwise() {
    DefaultDenyShared shared = new DefaultDenyShared();
    Path open =
        FixtureRepo.in(dir.resolve("open"))
            .python()
            .file(
                "settings.py",
                "REST_FRAMEWORK = {\"DEFAULT_PERMISSION_CLASSES\": [\"rest_framework.permissions.AllowAny\"]}\n")
            .build();
    Path closed =
        FixtureRepo.in(dir.resolve("closed"))
            .python()
            .file("app.py", "def handler(event, context):\n    return {}\n")
            .build();

    assertThat(check(shared, open, Profile.API))
        .isEqualTo(
            Outcome.notApplicable(
                "same obligation as PY-SEC-005: an open default is judged and scored there"
                    + " (FAIL, 1 finding(s))"));
    assertNoEvidentViolation(check(shared, closed, Profile.API));
  }
}
