package dev.fleetcheck.core.rules.sec;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticAwsCredentialsTest {

  @TempDir Path dir;
  private final StaticAwsCredentials rule = new StaticAwsCredentials();

  @Test
  void credentialsPassedToBoto3AndTemplateAccessKeysFailWithoutShowingTheValue() {
    String key = "AKIAZ7Q3EXAMPLEKEY4F";
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/aws.py",
                """
                import os
                import boto3 as b

                s3 = b.client(
                    "s3",
                    aws_access_key_id="%s",
                )
                session = b.Session()
                table = session.resource(
                    "dynamodb", aws_secret_access_key=os.environ["AWS_SECRET"]
                )
                """
                    .formatted(key.replace("EXAMPLE", "ZQWRTYP")))
            .file(
                "template.yaml",
                """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Deployer:
                    Type: AWS::IAM::User
                  DeployerKey:
                    Type: AWS::IAM::AccessKey
                    Properties:
                      UserName: !Ref Deployer
                """)
            .build();

    List<String> findings = findings(check(rule, repo));

    assertThat(findings).hasSize(3);
    assertThat(findings.get(0))
        .startsWith(
            "app/aws.py:4: static AWS credentials: b.client(aws_access_key_id=a literal"
                + " (fingerprint ")
        .doesNotContain("ZQWRTYP");
    assertThat(findings.get(1))
        .isEqualTo(
            "app/aws.py:9: static AWS credentials: session.resource(aws_secret_access_key="
                + "os.environ[\"AWS_SECRET\"])");
    assertThat(findings.get(2))
        .isEqualTo(
            "template.yaml:5: IAM access key DeployerKey created for a user: static credentials");
  }

  @Test
  void emulatorDummiesRolesCommentsAndTestsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/aws.py",
                """
                import boto3
                # boto3.client("s3", aws_access_key_id=KEY)
                s3 = boto3.client("s3")
                local = boto3.client(
                    "sqs",
                    endpoint_url="http://localhost:4566",
                    aws_access_key_id="test",
                    aws_secret_access_key="test",
                )

                def emulated(region, service, **kwargs):
                    # moto's step functions parser: keys no real account has.
                    return boto3.client(
                        aws_access_key_id="ak",
                        region_name=region,
                        service_name=service,
                        aws_secret_access_key="sk",
                        **kwargs,
                    )
                """)
            .file("tests/test_aws.py", "import boto3\nboto3.client('s3', aws_access_key_id=KEY)\n")
            .build();

    assertNoEvidentViolation(check(rule, repo));
  }
}
