package dev.fleetcheck.core.rules.obs;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestMetricsTest {

  @TempDir Path dir;
  private final RequestMetrics rule = new RequestMetrics();

  @Test
  void anApiWithoutAnyMetricsLibraryFails() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("app/main.py", "from fastapi import FastAPI\napp = FastAPI()\n")
            .file("tests/test_metrics.py", "import prometheus_client\n")
            .file("app/notes.py", "# import prometheus_client\nX = 'statsd'\n")
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly(
            "no metrics are recorded: no metrics library, instrumentator, APM agent or"
                + " OpenTelemetry is declared or imported");
  }

  @Test
  void aMetricsLibraryOrLambdaHostingStaysManual() {
    Path declared =
        FixtureRepo.in(dir.resolve("a"))
            .file(
                "pyproject.toml",
                "[project]\nname = \"x\"\nversion = \"1\"\n"
                    + "dependencies = [\"prometheus-fastapi-instrumentator>=6\"]\n")
            .file("app/main.py", "app = None\n")
            .build();
    Path lambda =
        FixtureRepo.in(dir.resolve("b"))
            .python()
            .file("app/handler.py", "def handler(event, context):\n    return {}\n")
            .build();
    Path empty = FixtureRepo.in(dir.resolve("c")).python().build();

    assertNoEvidentViolation(check(rule, declared, Profile.API));
    assertNoEvidentViolation(check(rule, lambda, Profile.API, Profile.LAMBDA));
    assertThat(check(rule, empty, Profile.API).status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
