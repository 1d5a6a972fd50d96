package dev.fleetcheck.core.rules.sec;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsLifecycleTest {

  @TempDir Path dir;
  private final SecretsLifecycle rule = new SecretsLifecycle();

  @Test
  void aLoggedSecretIsScoredAtItsHomeOnly() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("app/views.py", "import logging\nlogging.info(\"t %s\", token)\n")
            .build();

    Outcome outcome = check(rule, repo, Profile.API);

    assertThat(outcome.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(outcome.toString()).contains("same obligation as PY-SEC-051", "FAIL, 1 finding(s)");
    assertThat(check(new LoggedSecrets(), repo, Profile.API).status()).isEqualTo(Status.FAIL);
  }

  @Test
  void aCliPrintedSecretOrAnUnrotatedSecretPointsAtItsHome() {
    Path cli =
        FixtureRepo.in(dir.resolve("cli"))
            .python()
            .file("tool/cli.py", "print(args.password)\n")
            .build();
    Path template =
        FixtureRepo.in(dir.resolve("tpl"))
            .python()
            .file("app/main.py", "X = 1\n")
            .file(
                "template.yaml",
                "Transform: AWS::Serverless-2016-10-31\nResources:\n  S:\n"
                    + "    Type: AWS::SecretsManager::Secret\n")
            .build();

    assertThat(check(rule, cli, Profile.CLI).toString()).contains("same obligation as PY-SEC-002");
    assertThat(check(rule, template).toString()).contains("same obligation as PY-SEC-040");
  }

  @Test
  void withoutAFailingHomeItStaysManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("app/views.py", "import logging\nlogging.info(\"token refreshed\")\n")
            .build();

    assertNoEvidentViolation(check(rule, repo, Profile.API, Profile.CLI));
  }
}
