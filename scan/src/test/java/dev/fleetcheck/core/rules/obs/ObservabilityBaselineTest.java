package dev.fleetcheck.core.rules.obs;

import static dev.fleetcheck.core.rules.RuleFixture.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObservabilityBaselineTest {

  @TempDir Path dir;

  @Test
  void anApiWithoutBaselineGivesWayToTheFailingHomes() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("app/main.py", "from fastapi import FastAPI\napp = FastAPI()\n")
            .build();

    Outcome baseline = check(new ObservabilityBaseline(), repo, Profile.API);

    assertThat(baseline.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(baseline.toString())
        .contains("same obligation as PY-OBS-004, PY-OBS-006, PY-OBS-012, PY-OBS-025");
  }

  @Test
  void aCliWithoutRunIdGivesWayToPyObs002() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("app/cli.py", "import logging\nlogging.basicConfig(level=logging.DEBUG)\n")
            .build();

    Outcome baseline = check(new ObservabilityBaseline(), repo, Profile.CLI);

    assertThat(baseline.toString()).contains("same obligation as PY-OBS-002, PY-OBS-011");
  }
}
