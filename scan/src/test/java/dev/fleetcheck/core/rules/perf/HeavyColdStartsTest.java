package dev.fleetcheck.core.rules.perf;

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

class HeavyColdStartsTest {

  @TempDir Path dir;
  private final HeavyColdStarts rule = new HeavyColdStarts();

  @Test
  void importTimeWorkInAHandlerModuleFails() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "fn/app.py",
                """
                import boto3, joblib
                ssm = boto3.client("ssm")
                MODEL = joblib.load("model.pkl")
                SECRET = ssm.get_parameter(Name="/app/key", WithDecryption=True)

                def lambda_handler(event, context):
                    return MODEL.predict(event)
                """)
            .build();

    assertThat(findings(check(rule, repo, Profile.LAMBDA)))
        .containsExactly(
            "fn/app.py:3: joblib.load(...) runs when the module is imported",
            "fn/app.py:4: ssm.get_parameter(...) runs when the module is imported");
  }

  @Test
  void onlyHandlerModulesCountAndNoHandlerIsNotApplicable() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "fn/app.py",
                "import boto3\ns3 = boto3.client('s3')\ndef lambda_handler(event, context):\n"
                    + "    return s3.list_buckets()\n")
            .file("fn/other.py", "import time\ntime.sleep(1)\n")
            .build();
    assertNoEvidentViolation(check(rule, repo, Profile.LAMBDA));

    Path none = FixtureRepo.in(dir.resolve("n")).python().file("a.py", "x = 1\n").build();
    assertThat(check(rule, none, Profile.LAMBDA).status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
