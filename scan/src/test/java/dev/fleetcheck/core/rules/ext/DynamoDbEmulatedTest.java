package dev.fleetcheck.core.rules.ext;

import static dev.fleetcheck.core.rules.RuleFixture.described;
import static dev.fleetcheck.core.testing.FixtureRepo.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DynamoDbEmulatedTest {

  private static final String TABLE =
      "import boto3\n\n"
          + "table = boto3.resource(\n    service_name=\"dynamodb\",\n).Table(\"orders\")\n";

  @TempDir Path dir;

  private FixtureRepo repo(String name) {
    return FixtureRepo.in(dir.resolve(name)).python().file("app/store.py", TABLE);
  }

  @Test
  void dynamoDbWithOnlyAnotherServicesEmulatorFails() {
    Path repo =
        repo("r")
            .file(
                "compose.yaml",
                "services:\n  queue:\n    image: softwaremill/elasticmq-native:1.6.5\n")
            .file(
                "tests/test_store.py",
                "from moto import mock_s3\n\n@mock_s3\ndef test_x():\n    pass\n")
            .build();

    assertThat(described(check(new DynamoDbEmulated(), repo)))
        .containsExactly(
            "app/store.py:3: dynamodb is used (resource(\"dynamodb\")) but no emulator covers it:"
                + " no DynamoDB Local, dynalite, LocalStack or moto");
  }

  @Test
  void dynamoDbLocalLocalStackOrMotoPass() {
    Path local =
        repo("local")
            .file("compose.yaml", "services:\n  db:\n    image: amazon/dynamodb-local:2.5.2\n")
            .build();
    Path testcontainers =
        repo("tc")
            .file(
                "tests/conftest.py",
                "from testcontainers.core.container import DockerContainer\n\n"
                    + "ddb = DockerContainer(\"amazon/dynamodb-local:2.5.2\")\n")
            .build();
    Path oldMoto =
        repo("moto")
            .file(
                "tests/test_store.py",
                "import moto\n\n\ndef test_x():\n    with moto.mock_dynamodb2():\n        pass\n")
            .build();

    assertThat(described(check(new DynamoDbEmulated(), local)))
        .containsExactly(
            "compose.yaml:2: dynamodb emulated by DynamoDB Local (compose service `db` runs"
                + " `amazon/dynamodb-local:2.5.2`)");
    assertThat(check(new DynamoDbEmulated(), testcontainers).status()).isEqualTo(Status.PASS);
    assertThat(check(new DynamoDbEmulated(), oldMoto).status()).isEqualTo(Status.PASS);
  }

  @Test
  void aTableInTheTemplateOrPynamodbIsAUse() {
    Path template =
        FixtureRepo.in(dir.resolve("sam"))
            .python()
            .file(
                "template.yaml",
                "Transform: AWS::Serverless-2016-10-31\nResources:\n  Orders:\n"
                    + "    Type: AWS::Serverless::SimpleTable\n")
            .build();
    Path pynamodb =
        FixtureRepo.in(dir.resolve("pynamodb"))
            .python()
            .file("app/models.py", "from pynamodb.models import Model\n")
            .build();

    assertThat(described(check(new DynamoDbEmulated(), template)))
        .containsExactly(
            "template.yaml:4: dynamodb is used (declares AWS::Serverless::SimpleTable) but no"
                + " emulator covers it: no DynamoDB Local, dynalite, LocalStack or moto");
    assertThat(check(new DynamoDbEmulated(), pynamodb).status()).isEqualTo(Status.FAIL);
  }

  @Test
  void aDocumentationFileThatOnlyMentionsResourceTypesDeclaresNone() {
    // samtranslator's sam-docs.json names AWS::Serverless and describes SimpleTable in prose.
    Path docs =
        FixtureRepo.in(dir.resolve("docs"))
            .python()
            .file(
                "pkg/schema_source/sam-docs.json",
                """
                {
                  "AWS::Serverless::Function": "see below",
                  "sam-property-simpletable": {
                    "Name": "The table, an AWS::DynamoDB::Table or AWS::Serverless::SimpleTable."
                  }
                }
                """)
            .build();
    Path json =
        FixtureRepo.in(dir.resolve("json"))
            .python()
            .file(
                "template.json",
                """
                {"Transform": "AWS::Serverless-2016-10-31",
                 "Resources": {"Orders": {
                   "Type": "AWS::DynamoDB::Table"}}}
                """)
            .build();

    assertThat(check(new DynamoDbEmulated(), docs).status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(described(check(new DynamoDbEmulated(), json)))
        .containsExactly(
            "template.json:3: dynamodb is used (declares AWS::DynamoDB::Table) but no"
                + " emulator covers it: no DynamoDB Local, dynalite, LocalStack or moto");
  }

  @Test
  void noDynamoDbIsNotApplicable() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("app/store.py", "import boto3\n\ns3 = boto3.client(\"s3\")\nX = \"dynamodb\"\n")
            .file("tests/test_x.py", TABLE)
            .build();

    assertThat(check(new DynamoDbEmulated(), repo).status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
