package dev.fleetcheck.core.rules.ext;

import static dev.fleetcheck.core.rules.RuleFixture.described;
import static dev.fleetcheck.core.testing.FixtureRepo.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessagingEmulatedTest {

  private static final String PUBLISHER =
      "import boto3\n\nsqs = boto3.client(\"sqs\")\nsns = boto3.client(\"sns\")\n";
  private static final String ELASTICMQ =
      "services:\n  sqs:\n    image: softwaremill/elasticmq-native:1.6.5\n";

  @TempDir Path dir;

  private FixtureRepo repo(String name) {
    return FixtureRepo.in(dir.resolve(name)).python().file("app/publish.py", PUBLISHER);
  }

  @Test
  void elasticMqCoversSqsButNotSns() {
    Path repo = repo("r").file("compose.yaml", ELASTICMQ).build();

    assertThat(described(check(new MessagingEmulated(), repo)))
        .containsExactly(
            "app/publish.py:4: sns is used (client(\"sns\")) but no emulator covers it: no"
                + " LocalStack or moto (ElasticMQ covers SQS only)");
  }

  @Test
  void localStackOrMotoCoverEveryService() {
    Path localstack =
        repo("ls")
            .file(
                ".github/workflows/ci.yml",
                "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    services:\n"
                    + "      aws:\n        image: localstack/localstack:3.8\n    steps:\n"
                    + "      - run: pytest\n")
            .build();
    Path moto =
        repo("moto")
            .file(
                "tests/test_publish.py",
                "from moto import mock_aws\n\n\n@mock_aws\ndef test_publish():\n    pass\n")
            .build();

    assertThat(described(check(new MessagingEmulated(), localstack)))
        .containsExactly(
            ".github/workflows/ci.yml:7: sns emulated by LocalStack (CI service runs"
                + " `localstack/localstack:3.8`)",
            ".github/workflows/ci.yml:7: sqs emulated by LocalStack (CI service runs"
                + " `localstack/localstack:3.8`)");
    assertThat(check(new MessagingEmulated(), moto).status()).isEqualTo(Status.PASS);
  }

  @Test
  void aFunctionOnlyTriggeredByAQueueDoesNotUseIt() {
    Path triggered =
        FixtureRepo.in(dir.resolve("triggered"))
            .python()
            .file(
                "template.yaml",
                "Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n"
                    + "    Type: AWS::Serverless::Function\n    Properties:\n      Events:\n"
                    + "        Q:\n          Type: SQS\n")
            .build();
    Path declared =
        FixtureRepo.in(dir.resolve("declared"))
            .python()
            .file(
                "template.yaml",
                "Transform: AWS::Serverless-2016-10-31\nResources:\n  Bus:\n"
                    + "    Type: AWS::Events::EventBus\n")
            .build();

    assertThat(check(new MessagingEmulated(), triggered).status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(described(check(new MessagingEmulated(), declared)))
        .containsExactly(
            "template.yaml:4: events is used (declares AWS::Events::EventBus) but no emulator"
                + " covers it: no LocalStack or moto (ElasticMQ covers SQS only)");
  }
}
