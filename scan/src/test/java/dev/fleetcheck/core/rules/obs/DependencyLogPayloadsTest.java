package dev.fleetcheck.core.rules.obs;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencyLogPayloadsTest {

  @TempDir Path dir;
  private final DependencyLogPayloads rule = new DependencyLogPayloads();

  @Test
  void dependencyLogsWithPayloadsFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/client.py",
                """
                import structlog
                log = structlog.get_logger()
                def call(body, item):
                    log.info("dependency.call", dependency="orders", json=body)
                    log.error("dependency.error", extra={"Item": item, "error_class": "X"})
                    log.info("dependency.call", body)
                    log.info("dependency.call", dependency="orders", duration_ms=3)
                    log.info("request.end", body=body)
                """)
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly(
            "app/client.py:4: dependency log carries the payload (json)",
            "app/client.py:5: dependency log carries the payload (Item)",
            "app/client.py:6: dependency log carries the payload (body)");
  }

  @Test
  void cleanDependencyLogsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/client.py",
                "import logging\nlogging.info('dependency.call', extra={'dependency': 'db',"
                    + " 'outcome': 'ok'})\n")
            .build();

    assertNoEvidentViolation(check(rule, repo, Profile.LAMBDA));
  }
}
