package dev.fleetcheck.core.rules.obs;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static dev.fleetcheck.core.rules.obs.ObsFixtures.COUNTER_ONLY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyMetricsTest {

  @TempDir Path dir;

  @Test
  void countersWithoutErrorCodeOrHistogramFailBoth() {
    Path repo = FixtureRepo.in(dir).python().file("app/metrics.py", COUNTER_ONLY).build();

    assertThat(findings(check(new LatencyMetrics(), repo, Profile.API)))
        .containsExactly(
            "app/metrics.py:1: metrics are recorded (prometheus-client records metrics), but no"
                + " histogram, summary or timer records latency");
  }

  @Test
  void errorCodeLabelsAndHistogramsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/metrics.py",
                """
                from prometheus_client import Counter, Histogram
                ERRORS = Counter("errors_total", "Errors", labelnames=("route", "error_code"))
                LATENCY = Histogram("latency_seconds", "Latency", ["route"])
                """)
            .build();
    Path instrumentator =
        FixtureRepo.in(dir.resolve("i"))
            .python()
            .file(
                "app/main.py",
                "from prometheus_fastapi_instrumentator import Instrumentator\n"
                    + "from datadog import statsd\n"
                    + "statsd.increment('errors', tags=['error_code:E1'])\n")
            .build();

    assertNoEvidentViolation(check(new LatencyMetrics(), repo, Profile.API));
    assertNoEvidentViolation(check(new LatencyMetrics(), instrumentator, Profile.API));
  }

  @Test
  void noMetricsAtAllIsScoredUnderRequestMetricsOnce() {
    Path repo = FixtureRepo.in(dir).python().file("app/main.py", "app = None\n").build();

    Outcome latency = check(new LatencyMetrics(), repo, Profile.API);

    assertThat(latency.toString()).contains("same obligation as PY-OBS-038");
  }
}
