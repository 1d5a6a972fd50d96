package dev.fleetcheck.core.rules.ext;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.List;

/**
 * PY-EXT-010: SQS, SNS and EventBridge, each when used (an SDK client for it in product code, a
 * queue, topic, rule or bus in the repository's own template), have an emulator: LocalStack or moto
 * for each, ElasticMQ for SQS (the "Emulators" decision). A function only triggered by a queue or
 * topic does not use it.
 */
public final class MessagingEmulated implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-EXT-010",
              Profile.PYTHON,
              "Test SQS, SNS and EventBridge code against LocalStack (compose or testcontainers);"
                  + " moto's `mock_aws` or ElasticMQ (SQS only) also count.")
          .defined(
              "PASS when SQS, SNS and EventBridge, each when used (an SDK client in "
                  + "product code, an "
                  + "`AWS::SQS::Queue`/`AWS::SNS::Topic`/`AWS::Events::Rule|EventBus` resource "
                  + "`Type` in the template), are covered by LocalStack or moto; ElasticMQ covers SQS "
                  + "only. Narrowed: a function only triggered by a queue or topic (a SAM "
                  + "`SQS`/`SNS` event) does not use the service, its tests feed it events",
              Effort.MEDIUM);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return ServiceEmulation.judge(
        context,
        List.of("sqs", "sns", "events"),
        "SQS, SNS and EventBridge are not used: no SDK client for them in product code, no queue,"
            + " topic, rule or bus in the repository's template",
        "no LocalStack or moto (ElasticMQ covers SQS only)");
  }
}
