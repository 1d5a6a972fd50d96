package dev.fleetcheck.aws.sqs;

import dev.fleetcheck.aws.ContractGaps;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * SQS answers a DeleteMessage with a stale receipt with success whether or not it deleted anything,
 * so no SQS adapter can tell its caller; the worker's idempotency rests on the store. A class-level
 * extension (no static field to initialise), usable beside Testcontainers' Docker check.
 */
public final class StaleReceiptGap implements ExecutionCondition {

  static final String TEST = "aStaleReceiptDoesNotDeleteTheNewDelivery";
  static final String REASON =
      "SQS cannot tell whether a DeleteMessage with a stale receipt deleted anything";

  private final ContractGaps gap = ContractGaps.of(TEST, REASON);

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return gap.evaluateExecutionCondition(context);
  }
}
