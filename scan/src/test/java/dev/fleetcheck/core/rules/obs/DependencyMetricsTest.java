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

class DependencyMetricsTest {

  @TempDir Path dir;
  private final DependencyMetrics rule = new DependencyMetrics();

  private static final String CLIENT =
      "import httpx\n\nasync def fetch(url):\n    async with httpx.AsyncClient() as c:\n"
          + "        return await c.get(url)\n";

  @Test
  void unmeasuredDependencyCallsFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("app/client.py", CLIENT)
            .file(
                "app/metrics.py", "from prometheus_client import Counter\nC = Counter('a', 'b')\n")
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly(
            "app/client.py:4: httpx.AsyncClient(...) calls a dependency, and nothing records"
                + " per-dependency metrics (no client instrumentor, APM agent or dependency"
                + " metric)");
  }

  @Test
  void instrumentedOrMeasuredCallsStayManual() {
    Path instrumented =
        FixtureRepo.in(dir.resolve("a"))
            .python()
            .file("app/client.py", CLIENT)
            .file(
                "app/otel.py",
                "from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor\n"
                    + "HTTPXClientInstrumentor().instrument()\n")
            .build();
    Path measured =
        FixtureRepo.in(dir.resolve("b"))
            .python()
            .file(
                "app/client.py",
                "from prometheus_client import Histogram\nimport requests\n"
                    + "DEP = Histogram('dependency_latency_seconds', 'x', ['dependency'])\n"
                    + "def get(u):\n    return requests.get(u, timeout=3)\n")
            .build();

    assertNoEvidentViolation(check(rule, instrumented, Profile.API));
    assertNoEvidentViolation(check(rule, measured, Profile.LAMBDA));
  }

  @Test
  void withoutDependencyCallsTheRuleDoesNotApply() {
    Path repo = FixtureRepo.in(dir).python().file("app/x.py", "import httpx\n").build();

    assertThat(check(rule, repo, Profile.API).status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
