package dev.fleetcheck.aws;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Disables inherited contract tests by name where the emulator, or the AWS service itself, cannot
 * do what the contract asks; each comes with the reason the test report shows (and docs/adr
 * records).
 */
public final class ContractGaps implements ExecutionCondition {

  private final Map<String, String> reasons;

  private ContractGaps(Map<String, String> reasons) {
    this.reasons = Map.copyOf(reasons);
  }

  public static ContractGaps of(String testMethod, String reason) {
    return new ContractGaps(Map.of(testMethod, reason));
  }

  public ContractGaps and(String testMethod, String reason) {
    Map<String, String> more = new HashMap<>(reasons);
    more.put(testMethod, reason);
    return new ContractGaps(more);
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return context
        .getTestMethod()
        .map(method -> reasons.get(method.getName()))
        .map(ConditionEvaluationResult::disabled)
        .orElseGet(() -> ConditionEvaluationResult.enabled("no known gap"));
  }
}
