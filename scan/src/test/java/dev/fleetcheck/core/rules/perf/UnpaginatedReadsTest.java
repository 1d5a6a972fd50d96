package dev.fleetcheck.core.rules.perf;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnpaginatedReadsTest {

  @TempDir Path dir;
  private final UnpaginatedReads rule = new UnpaginatedReads();

  @Test
  void scansQueriesAndListingsThatNeverContinueFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/store.py",
                """
                import boto3
                from boto3.dynamodb.conditions import Key

                table = boto3.resource("dynamodb").Table("orders")
                s3 = boto3.client("s3")

                def all_orders():
                    return table.scan()["Items"]

                def by_customer(c):
                    return table.query(
                        KeyConditionExpression=Key("pk").eq(c),
                    )["Items"]

                def keys():
                    return s3.list_objects_v2(Bucket="b")["Contents"]
                """)
            .build();

    assertThat(findings(check(rule, repo)))
        .containsExactly(
            "app/store.py:8: DynamoDB scan reads only the first page: the module never continues"
                + " with LastEvaluatedKey/ContinuationToken nor uses a paginator",
            "app/store.py:11: DynamoDB query reads only the first page: the module never continues"
                + " with LastEvaluatedKey/ContinuationToken nor uses a paginator",
            "app/store.py:16: S3 list_objects_v2 reads only the first page: the module never"
                + " continues with LastEvaluatedKey/ContinuationToken nor uses a paginator");
  }

  @Test
  void aReadMadeThroughAnAliasedImportIsStillFound() {
    // The module spells "scan" only in its import: the name prefilter must still let it through.
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/store.py",
                """
                import boto3
                from app.tables import scan as read_all

                def all_orders():
                    return read_all(TableName="orders")["Items"]
                """)
            .build();

    assertThat(findings(check(rule, repo)))
        .containsExactly(
            "app/store.py:5: DynamoDB scan reads only the first page: the module never continues"
                + " with LastEvaluatedKey/ContinuationToken nor uses a paginator");
  }

  @Test
  void paginatedReadsOtherLibrariesAndTestsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/store.py",
                """
                import boto3
                table = boto3.resource("dynamodb").Table("orders")

                def all_orders():
                    response = table.scan()
                    items = response["Items"]
                    while "LastEvaluatedKey" in response:
                        response = table.scan(ExclusiveStartKey=response["LastEvaluatedKey"])
                        items += response["Items"]
                    return items
                """)
            .file(
                "app/frames.py",
                "import pandas as pd\n\ndef q(df):\n    return df.query(\"a > 1\")\n")
            .file(
                "tests/test_store.py",
                "import boto3\nboto3.resource('dynamodb').Table('t').scan()\n")
            .build();

    assertNoEvidentViolation(check(rule, repo));
  }
}
