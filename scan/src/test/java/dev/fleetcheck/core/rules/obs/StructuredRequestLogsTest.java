package dev.fleetcheck.core.rules.obs;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StructuredRequestLogsTest {

  @TempDir Path dir;

  @Test
  void anApiWithoutBaselineGivesWayToTheFailingHomes() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("app/main.py", "from fastapi import FastAPI\napp = FastAPI()\n")
            .build();

    Outcome fields = check(new StructuredRequestLogs(), repo, Profile.API);

    assertThat(fields.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(fields.toString()).contains("same obligation as PY-OBS-012").contains("FAIL, 1");
  }

  @Test
  void whenTheHomesHoldTheDerivedRulesStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/main.py",
                """
                import structlog
                from opentelemetry import trace
                tracer = trace.get_tracer(__name__)
                """)
            .build();

    assertNoEvidentViolation(check(new StructuredRequestLogs(), repo, Profile.API));
  }
}
