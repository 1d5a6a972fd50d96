package dev.fleetcheck.core.rules.perf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.RuleFixture;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LambdaClientReuseTest {

  @TempDir Path dir;

  private static final String TEMPLATE =
      """
      Transform: AWS::Serverless-2016-10-31
      Globals:
        Function:
          Runtime: python3.12
          CodeUri: src/
      Resources:
        Orders:
          Type: AWS::Serverless::Function
          Properties:
            Handler: orders.app.handle
      """;

  @Test
  void clientsBuiltInTheTemplateHandlerBodyFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("template.yaml", TEMPLATE)
            .file(
                "src/orders/app.py",
                """
                import boto3 as aws
                import psycopg2
                from requests import Session

                session = aws.session.Session()


                def handle(event, context):
                    table = aws.resource("dynamodb").Table("orders")
                    s3 = session.client(
                        "s3",
                        region_name="eu-west-1",
                    )
                    with Session() as http:
                        http.get("https://example.org", timeout=3)
                    conn = psycopg2.connect(dsn)

                    def later():
                        return aws.client("sqs")

                    return table, s3, conn, later
                """)
            .build();

    assertThat(RuleFixture.described(RuleFixture.checkLambda(new LambdaClientReuse(), repo)))
        .containsExactly(
            "src/orders/app.py:9: aws.resource(...) in handle builds a new client on every"
                + " invocation",
            "src/orders/app.py:10: session.client(...) in handle builds a new client on every"
                + " invocation",
            "src/orders/app.py:14: Session(...) in handle builds a new client on every invocation",
            "src/orders/app.py:16: psycopg2.connect(...) in handle builds a new client on every"
                + " invocation");
  }

  @Test
  void moduleLevelClientsLazyGlobalsAndPerInvocationCredentialsPass() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "fn/app.py",
                """
                import boto3

                s3 = boto3.client("s3")
                sts = boto3.client("sts")
                _table = None


                def lambda_handler(event, context):
                    global _table
                    if _table is None:
                        _table = boto3.resource("dynamodb").Table("t")
                    creds = sts.assume_role(RoleArn=event["role"])["Credentials"]
                    cross = boto3.client(
                        "s3",
                        aws_access_key_id=creds["AccessKeyId"],
                        aws_secret_access_key=creds["SecretAccessKey"],
                        aws_session_token=creds["SessionToken"],
                    )
                    # boto3.client("s3") here would be a finding
                    return s3, cross, "boto3.client('sqs')"
                """)
            .file(
                "tests/test_app.py",
                "import boto3\n\ndef lambda_handler(event, context):\n    boto3.client('s3')\n")
            .build();

    Outcome outcome = RuleFixture.checkLambda(new LambdaClientReuse(), repo);

    assertThat(outcome.status())
        .as(RuleFixture.described(outcome).toString())
        .isEqualTo(Status.PASS);
  }

  @Test
  void withoutAHandlerTheRuleDoesNotApply() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("src/lib.py", "import boto3\n\ndef run(x):\n    return boto3.client('s3')\n")
            .build();

    assertThat(RuleFixture.checkLambda(new LambdaClientReuse(), repo).status())
        .isEqualTo(Status.NOT_APPLICABLE);
  }
}
