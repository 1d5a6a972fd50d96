package dev.fleetcheck.core.rules.obs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.RuleFixture;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColdStartVisibleTest {

  @TempDir Path dir;

  private Outcome check(String path, String code) {
    return RuleFixture.check(
        new ColdStartVisible(),
        FixtureRepo.in(dir).python().file(path, code).build(),
        Profile.LAMBDA);
  }

  @Test
  void passesOnThePowertoolsLogger() {
    assertThat(check("fn/app.py", "from aws_lambda_powertools import Logger\nlogger = Logger()\n"))
        .isEqualTo(Outcome.pass(Evidence.at("fn/app.py", 1, "powertools Logger logs cold_start")));
  }

  @Test
  void passesOnAColdStartField() {
    assertThat(
            check(
                    "fn/app.py",
                    "_cold = True\ndef handler(event, context):\n"
                        + "    log.info('start', extra={'cold_start': _cold})\n")
                .status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void failsWithoutEither() {
    assertThat(check("fn/app.py", "import logging\n# cold_start someday\n").status())
        .isEqualTo(Status.FAIL);
  }

  @Test
  void notApplicableOutsideLambda(@TempDir Path other) {
    assertThat(
            FixtureRepo.check(new ColdStartVisible(), FixtureRepo.in(other).python().build())
                .status())
        .isEqualTo(Status.NOT_APPLICABLE);
  }
}
