package dev.fleetcheck.core.rules.ext;

import static dev.fleetcheck.core.rules.RuleFixture.described;
import static dev.fleetcheck.core.testing.FixtureRepo.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwsEmulatedTest {

  private static final String HANDLER = "import boto3 as aws\n\nclient = aws.client(\"s3\")\n";

  @TempDir Path dir;

  private FixtureRepo repo(String name) {
    return FixtureRepo.in(dir.resolve(name)).python().file("app/store.py", HANDLER);
  }

  @Test
  void awsCodeWithoutAnyEmulatorFails() {
    Path repo =
        repo("r")
            .file("tests/test_store.py", "# from moto import mock_aws\nfrom unittest import mock\n")
            .file("README.md", "Start localstack/localstack:3 with docker run.\n")
            .build();

    assertThat(described(check(new AwsEmulated(), repo)))
        .containsExactly(
            "app/store.py: imports boto3, but no AWS emulator is configured (LocalStack, DynamoDB"
                + " Local, ElasticMQ, MinIO, dynalite, moto)");
  }

  @Test
  void localStackInComposeOrAsAPackagePasses() {
    Path compose =
        repo("compose")
            .file("docker-compose.yml", "services:\n  aws:\n    image: localstack/localstack\n")
            .build();
    Path awslocal =
        FixtureRepo.in(dir.resolve("pkg"))
            .file(
                "pyproject.toml",
                "[project]\nname = \"x\"\n\n[dependency-groups]\ndev = [\"awscli-local\"]\n")
            .file("app/store.py", HANDLER)
            .build();

    assertThat(described(check(new AwsEmulated(), compose)))
        .containsExactly(
            "docker-compose.yml:2: LocalStack: compose service `aws` runs `localstack/localstack`");
    assertThat(check(new AwsEmulated(), awslocal).status()).isEqualTo(Status.PASS);
  }

  @Test
  void motoInTestCodeCountsAsTheDecisionSays() {
    Path repo =
        repo("r")
            .file(
                "tests/test_store.py",
                "from moto import mock_aws as aws_mock\n\n@aws_mock\ndef test_put():\n"
                    + "    pass\n")
            .build();

    assertThat(described(check(new AwsEmulated(), repo)))
        .containsExactly("tests/test_store.py:3: moto: moto `mock_aws`");
  }

  @Test
  void theSdksOwnRepositoryImportingItselfUsesNoSdkButAWrapperOfItDoes() {
    // botocore's modules import botocore; boto3 (and s3transfer) import botocore, another package.
    Path sdk =
        FixtureRepo.in(dir.resolve("botocore"))
            .python()
            .file("botocore/args.py", "import botocore.serialize\nfrom botocore import utils\n")
            .file("src/botocore/client.py", "from botocore.args import ClientArgsCreator\n")
            .build();
    Path wrapper =
        FixtureRepo.in(dir.resolve("boto3"))
            .python()
            .file("boto3/__init__.py", "from boto3.session import Session\n")
            .file("boto3/session.py", "import botocore.session\n")
            .build();

    assertThat(check(new AwsEmulated(), sdk).status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(described(check(new AwsEmulated(), wrapper)))
        .containsExactly(
            "boto3/session.py: imports botocore, but no AWS emulator is configured (LocalStack,"
                + " DynamoDB Local, ElasticMQ, MinIO, dynalite, moto)");
  }

  @Test
  void awsOnlyInTestsOrTopLevelScriptsIsNotApplicable() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("scripts/deploy.py", HANDLER)
            .file("tests/test_x.py", HANDLER)
            .file("app/main.py", "print('no aws here: import boto3')\n")
            .build();

    assertThat(check(new AwsEmulated(), repo).status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
