package dev.fleetcheck.core.rules.obs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.RuleFixture;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricLabelsTest {

  @TempDir Path dir;

  private Outcome check(String path, String source) {
    Path repo = FixtureRepo.in(dir).python().file(path, source).build();
    return RuleFixture.check(new MetricLabels(), repo, Profile.API);
  }

  @Test
  void rawIdsAndPathsAsLabelsFailInEveryLibrary() {
    Outcome outcome =
        check(
            "app/metrics.py",
            """
            from prometheus_client import Counter as C
            from opentelemetry import metrics
            from aws_lambda_powertools import Metrics
            from datadog import statsd

            REQUESTS = C("requests", "", ["method", "user_id"])
            meter = metrics.get_meter(__name__)
            latency = meter.create_histogram("latency")
            power = Metrics()


            def record(request, user, event):
                REQUESTS.labels(
                    method=request.method,
                    user_id=user.id,
                ).inc()
                REQUESTS.labels(request.method, request.url.path).inc()
                latency.record(0.3, attributes={"route": "/items", "tenantId": user.tenant})
                power.add_dimension(name="email", value=user.email)
                statsd.increment("orders", tags=["env:prod", "session:" + event["s"]])
            """);

    assertThat(RuleFixture.described(outcome))
        .containsExactly(
            "app/metrics.py:13: metric label user_id holds a raw identifier: unbounded cardinality",
            "app/metrics.py:17: metric label = request.url.path: a raw id or path as a label"
                + " value",
            "app/metrics.py:18: metric label tenantId holds a raw identifier: unbounded"
                + " cardinality",
            "app/metrics.py:19: metric label email holds a raw identifier: unbounded cardinality");
  }

  @Test
  void boundedLabelsStringsAndOtherLibrariesPass() {
    Outcome outcome =
        check(
            "app/metrics.py",
            """
            from prometheus_client import Histogram

            LATENCY = Histogram("latency", "", ["route", "method", "status"])
            # LATENCY.labels(user_id=user.id) would be a finding
            HELP = "never .labels(user_id=...)"


            def observe(request, response, route):
                LATENCY.labels(route=route.path_format, method=request.method, status="2xx")
                seen = set()
                seen.add(request.user_id)
                return {"user_id": 1}.get("user_id")
            """);

    assertThat(outcome.status())
        .as(RuleFixture.described(outcome).toString())
        .isEqualTo(Status.PASS);
  }

  @Test
  void withoutLabelledMetricsTheRuleDoesNotApply() {
    Outcome outcome = check("app/main.py", "def f(user):\n    return {'user_id': user.id}\n");

    assertThat(outcome.status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
