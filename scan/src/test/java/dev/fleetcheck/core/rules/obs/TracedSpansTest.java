package dev.fleetcheck.core.rules.obs;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TracedSpansTest {

  @TempDir Path dir;

  @Test
  void anApiWithoutBaselineGivesWayToTheFailingHomes() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("app/main.py", "from fastapi import FastAPI\napp = FastAPI()\n")
            .build();

    Outcome spans = check(new TracedSpans(), repo, Profile.API);

    assertThat(spans.toString()).contains("same obligation as PY-OBS-031");
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

    assertNoEvidentViolation(check(new TracedSpans(), repo, Profile.LAMBDA));
  }
}
