package dev.fleetcheck.core.rules.sec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Level;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.RuleResult;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.StandardRules;
import dev.fleetcheck.core.secrets.SecretFindings;
import dev.fleetcheck.core.testing.FixtureRepo;
import dev.fleetcheck.core.testing.SecretCorpus.Synthetic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HardCodedSecretsTest {

  private final HardCodedSecrets rule = new HardCodedSecrets();
  private final Random random = new Random(29);

  @Test
  void passesWhenNoTextFileHoldsACredential(@TempDir Path dir) {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("app/settings.py", "DB_PASSWORD = os.environ['DB_PASSWORD']\n")
            .file(".env.example", "DB_PASSWORD=changeme\n")
            .build();
    Outcome outcome = FixtureRepo.check(rule, repo);
    assertThat(outcome.status()).isEqualTo(Status.PASS);
    assertThat(outcome.evidence())
        .extracting(Evidence::message)
        .singleElement()
        .asString()
        .contains("3 text files");
  }

  @Test
  void failsWithOneEvidencePerFindingNamingKindLineAndFingerprint(@TempDir Path dir) {
    String key = Synthetic.awsAccessKeyId(random);
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("app/aws.py", "import boto3\nKEY_ID = '" + key + "'\n")
            .file("deploy/values.yaml", "slack:\n  token: " + Synthetic.slackToken(random) + "\n")
            .build();
    Outcome outcome = FixtureRepo.check(rule, repo);
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
    assertThat(outcome.evidence())
        .extracting(Evidence::path, Evidence::line)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("app/aws.py", 2),
            org.assertj.core.groups.Tuple.tuple("deploy/values.yaml", 2));
    assertThat(outcome.evidence().get(0).message())
        .matches("aws_access_key_id: fingerprint " + key.substring(0, 4) + "…#[0-9a-f]{8}");
  }

  @Test
  void testCodeIsScannedToo(@TempDir Path dir) {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("tests/test_client.py", "TOKEN = '" + Synthetic.githubToken(random) + "'\n")
            .build();
    Outcome outcome = FixtureRepo.check(rule, repo);
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
    assertThat(outcome.evidence())
        .extracting(Evidence::path)
        .containsExactly("tests/test_client.py");
  }

  @Test
  void binaryFilesAreSkipped(@TempDir Path dir) {
    byte[] token = ("k=" + Synthetic.githubToken(random) + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] binary = new byte[token.length + 1];
    System.arraycopy(token, 0, binary, 1, token.length);
    Path repo = FixtureRepo.in(dir).python().bytes("assets/blob.bin", binary).build();
    assertThat(FixtureRepo.check(rule, repo).status()).isEqualTo(Status.PASS);
  }

  @Test
  void appliesToEveryProfileAsARequiredRule(@TempDir Path dir) {
    assertThat(rule.spec().profiles()).isEqualTo(EnumSet.allOf(Profile.class));
    RuleResult result = FixtureRepo.result(rule, FixtureRepo.in(dir).python().build());
    assertThat(result.level()).isEqualTo(Level.REQUIRED);
    assertThat(StandardRules.all()).hasAtLeastOneElementOfType(HardCodedSecrets.class);
  }

  @Test
  void notAPythonRepositoryIsNotApplicable(@TempDir Path dir) {
    Path repo =
        FixtureRepo.in(dir)
            .file("index.js", "const t = '" + Synthetic.githubToken(random) + "'\n")
            .build();
    assertThat(FixtureRepo.check(rule, repo).status()).isEqualTo(Status.NOT_APPLICABLE);
  }

  @Test
  void findingsAreAvailableAsAFactForOtherOutputs(@TempDir Path dir) {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("ci/deploy.sh", "export STRIPE=" + Synthetic.stripeLiveKey(random) + "\n")
            .build();
    assertThat(FixtureRepo.context(repo).fact(SecretFindings.FACT).findings())
        .singleElement()
        .satisfies(f -> assertThat(f.kind()).isEqualTo("stripe_live_key"));
  }
}
