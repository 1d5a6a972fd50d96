package dev.fleetcheck.core.rules.code;

import static dev.fleetcheck.core.rules.RuleFixture.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameworkObjectsAtEdgesTest {

  @TempDir Path dir;

  @Test
  void takesPyIo008sOutcomeWithoutScoringItAgain() {
    Path repo =
        FixtureRepo.in(dir.resolve("f"))
            .python()
            .file("app/services/orders.py", "from fastapi import Request\n")
            .build();
    Outcome failing = check(new FrameworkObjectsAtEdges(), repo, Profile.API);
    assertThat(failing.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(failing.toString()).contains("same obligation as PY-IO-008").contains("FAIL, 1");

    Path clean =
        FixtureRepo.in(dir.resolve("c"))
            .python()
            .file("app/routes.py", "from fastapi import Request\n")
            .build();
    assertThat(check(new FrameworkObjectsAtEdges(), clean, Profile.API).toString())
        .contains("same obligation as PY-IO-008")
        .contains("MANUAL");
  }
}
