package dev.fleetcheck.aws;

import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Disables inherited contract tests by name where an emulator, not the adapter, falls short of the
 * real service; each comes with the reason the test report shows.
 */
public final class EmulatorGaps implements ExecutionCondition {

  private final Map<String, String> reasons;

  private EmulatorGaps(Map<String, String> reasons) {
    this.reasons = Map.copyOf(reasons);
  }

  public static EmulatorGaps of(String testMethod, String reason) {
    return new EmulatorGaps(Map.of(testMethod, reason));
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return context
        .getTestMethod()
        .map(method -> reasons.get(method.getName()))
        .map(ConditionEvaluationResult::disabled)
        .orElseGet(() -> ConditionEvaluationResult.enabled("the emulator serves this test"));
  }
}
