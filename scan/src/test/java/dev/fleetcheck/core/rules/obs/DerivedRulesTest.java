package dev.fleetcheck.core.rules.obs;

import static dev.fleetcheck.core.rules.assisted.AssistedFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.assisted.AssistedFixture.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules whose evident violation is another rule's FAIL give way to it (one home per finding):
 * PY-OBS-001 ({@link ObservabilityBaseline}), PY-OBS-015 ({@link StructuredRequestLogs}) and
 * PY-OBS-032 ({@link TracedSpans}).
 */
class DerivedRulesTest {

  @TempDir Path dir;

  @Test
  void anApiWithoutBaselineGivesWayToTheFailingHomes() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("app/main.py", "from fastapi import FastAPI\napp = FastAPI()\n")
            .build();

    Outcome baseline = check(new ObservabilityBaseline(), repo, Profile.API);
    Outcome fields = check(new StructuredRequestLogs(), repo, Profile.API);
    Outcome spans = check(new TracedSpans(), repo, Profile.API);

    assertThat(baseline.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(baseline.toString())
        .contains("same obligation as PY-OBS-004, PY-OBS-006, PY-OBS-012, PY-OBS-025");
    assertThat(fields.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(fields.toString()).contains("same obligation as PY-OBS-012").contains("FAIL, 1");
    assertThat(spans.toString()).contains("same obligation as PY-OBS-031");
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
    assertNoEvidentViolation(check(new TracedSpans(), repo, Profile.LAMBDA));
  }
}
