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

class RunIdInOutputTest {

  @TempDir Path dir;
  private final RunIdInOutput rule = new RunIdInOutput();

  @Test
  void aRunIdNeverHandedOnFails() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/cli.py",
                """
                import uuid, logging
                def main():
                    run_id = uuid.uuid4().hex
                    # logging.info("start", extra={"run_id": run_id})
                    logging.info("started")
                """)
            .build();

    assertThat(findings(check(rule, repo, Profile.CLI)))
        .containsExactly("the run id is generated but never passed to a log, error or output call");
  }

  @Test
  void aRunIdPassedOnStaysManualAndNoRunIdGivesWayToPyObs002() {
    Path passed =
        FixtureRepo.in(dir.resolve("a"))
            .python()
            .file(
                "app/cli.py",
                """
                import uuid, structlog
                def main():
                    run_id = str(uuid.uuid4())
                    log = structlog.get_logger().bind(run_id=run_id)
                """)
            .build();
    Path none = FixtureRepo.in(dir.resolve("b")).python().file("app/cli.py", "x = 1\n").build();

    assertNoEvidentViolation(check(rule, passed, Profile.CLI));
    assertThat(check(rule, none, Profile.CLI).toString()).contains("same obligation as PY-OBS-002");
  }
}
