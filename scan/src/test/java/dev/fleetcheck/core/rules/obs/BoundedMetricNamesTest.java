package dev.fleetcheck.core.rules.obs;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundedMetricNamesTest {

  @TempDir Path dir;
  private final BoundedMetricNames rule = new BoundedMetricNames();

  @Test
  void runTimeNamesAndKeysFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/metrics.py",
                """
                from prometheus_client import Counter
                from aws_lambda_powertools import Metrics
                from datadog import statsd
                metrics = Metrics()

                def record(route, tags, key, value):
                    c = Counter(f"hits_{route}", "Hits")
                    Counter("hits_" + route, "Hits")
                    c.labels(**tags).inc()
                    metrics.add_dimension(name=f"dim_{key}", value=value)
                    metrics.add_metric(name="orders", unit="Count", value=1)
                    statsd.increment("hits", tags=[f"{key}:{value}"])
                """)
            .build();

    assertThat(findings(check(rule, repo)))
        .containsExactly(
            "app/metrics.py:7: metric name built at run time in Counter(...): unbounded names",
            "app/metrics.py:8: metric name built at run time in Counter(...): unbounded names",
            "app/metrics.py:9: c.labels(**...) takes label keys from data",
            "app/metrics.py:10: dimension name built at run time in metrics.add_dimension(...)",
            "app/metrics.py:12: tag key built at run time in statsd.increment(...)");
  }

  @Test
  void literalNamesAndKeysStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/metrics.py",
                """
                from prometheus_client import Counter
                NAME = "hits_total"
                HITS = Counter(NAME, "Hits", ["route"])
                def record(route):
                    HITS.labels(route=route).inc()
                    print(f"hits_{route}")
                """)
            .file(
                "tests/test_m.py", "from prometheus_client import Counter\nCounter(f'x{1}', 'y')\n")
            .build();
    Path empty = FixtureRepo.in(dir.resolve("e")).python().build();

    assertNoEvidentViolation(check(rule, repo));
    assertThat(check(rule, empty).status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
