package dev.fleetcheck.core.rules.ext;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Status;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseWithoutContainerTest {

  @TempDir Path dir;
  private final DatabaseWithoutContainer rule = new DatabaseWithoutContainer();

  @Test
  void postgresWithoutComposeServiceOrTestcontainersFails() {
    assertThat(findings(check(rule, TestIsolationFixtures.djangoPostgres(dir))))
        .containsExactly(
            "site/settings.py:1: django.db.backends.postgresql needs a database, but no compose"
                + " service or testcontainers runs one");
  }

  @Test
  void composeServiceOrTestcontainersStayManualAndNoDatabaseIsNotApplicable() {
    assertNoEvidentViolation(check(rule, TestIsolationFixtures.isolated(dir.resolve("i"))));
    assertNoEvidentViolation(check(rule, TestIsolationFixtures.leaky(dir.resolve("l"))));
    assertThat(check(rule, TestIsolationFixtures.plain(dir.resolve("p"))).status())
        .isEqualTo(Status.NOT_APPLICABLE);
  }
}
