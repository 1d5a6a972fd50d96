package dev.fleetcheck.core.rules.ext;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.List;

/**
 * PY-EXT-009: DynamoDB, when used (an SDK client or resource for it in product code, pynamodb, a
 * table in the repository's own template), has an emulator: DynamoDB Local, dynalite, LocalStack or
 * moto.
 */
public final class DynamoDbEmulated implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-EXT-009",
              Profile.PYTHON,
              "Test DynamoDB code against DynamoDB Local (`amazon/dynamodb-local` in compose or"
                  + " testcontainers) or LocalStack; moto's `mock_aws` also counts.")
          .defined(
              "PASS when DynamoDB, when used "
                  + "(`client`/`resource`/`create_client(\"dynamodb\")` in product code "
                  + "that imports an AWS SDK, pynamodb, a "
                  + "`AWS::DynamoDB::Table`/`AWS::Serverless::SimpleTable` resource `Type` in the "
                  + "repository's SAM/Serverless template), is covered by DynamoDB Local, "
                  + "dynalite, LocalStack or moto (`mock_aws`, `mock_dynamodb`)",
              Effort.MEDIUM);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return ServiceEmulation.judge(
        context,
        List.of("dynamodb"),
        "DynamoDB is not used: no SDK client or resource for it in product code, no pynamodb, no"
            + " table in the repository's template",
        "no DynamoDB Local, dynalite, LocalStack or moto");
  }
}
