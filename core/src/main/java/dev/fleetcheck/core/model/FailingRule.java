package dev.fleetcheck.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A rule that failed in a scan: the level that applied, how many findings the report holds, and up
 * to {@link #MAX_STORED_FINDINGS} of them (the full list is in the report).
 */
public record FailingRule(String ruleId, Level level, int findingCount, List<Finding> findings) {

  /** Keeps a stored rule well under DynamoDB's 400 KB item limit, whatever the repository. */
  public static final int MAX_STORED_FINDINGS = 50;

  public FailingRule {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(level, "level");
    findings = List.copyOf(findings);
    if (findings.size() > MAX_STORED_FINDINGS) {
      throw new IllegalArgumentException("at most " + MAX_STORED_FINDINGS + " stored findings");
    }
    if (findingCount < findings.size()) {
      throw new IllegalArgumentException("findingCount below the findings listed");
    }
  }
}
