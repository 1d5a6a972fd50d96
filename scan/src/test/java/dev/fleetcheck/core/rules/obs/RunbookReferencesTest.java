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

class RunbookReferencesTest {

  @TempDir Path dir;
  private final RunbookReferences rule = new RunbookReferences();

  @Test
  void errorLogsWithoutAnyRunbookReferenceFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/api.py",
                """
                import logging
                log = logging.getLogger(__name__)
                # see runbook RUN-API-001
                def a():
                    log.info("fine")
                    log.error("dependency down")
                """)
            .file("tests/test_api.py", "log.error('x', extra={'runbook': 'RUN-API-1'})\n")
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly(
            "app/api.py:6: log.error(...) logs at ERROR, and no log in product code carries a"
                + " runbook reference");
  }

  @Test
  void aRunbookReferenceStaysManualAndNoErrorLogIsNotApplicable() {
    Path keyed =
        FixtureRepo.in(dir.resolve("a"))
            .python()
            .file(
                "app/api.py",
                "import logging\nlogging.critical('down', extra={'Runbook': 'https://wiki/x'})\n")
            .build();
    Path coded =
        FixtureRepo.in(dir.resolve("b"))
            .python()
            .file("app/api.py", "import logging\nlogging.error('down [RUN-DB-042]')\n")
            .build();
    Path quiet =
        FixtureRepo.in(dir.resolve("c"))
            .python()
            .file("app/api.py", "import logging\nlogging.warning('slow')\n")
            .build();

    assertNoEvidentViolation(check(rule, keyed, Profile.API));
    assertNoEvidentViolation(check(rule, coded, Profile.API));
    assertThat(check(rule, quiet, Profile.API).status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
