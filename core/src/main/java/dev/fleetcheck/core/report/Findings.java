package dev.fleetcheck.core.report;

import dev.fleetcheck.core.model.RuleResult;
import dev.fleetcheck.core.model.ScanReport;
import dev.fleetcheck.core.model.Status;
import java.util.Comparator;
import java.util.List;

/** The results a person reads first, in the order the human formats list them. */
final class Findings {

  private Findings() {}

  /** Results with {@code status}, most severe level first, then in the report's rule order. */
  static List<RuleResult> withStatus(ScanReport report, Status status) {
    return report.results().stream()
        .filter(result -> result.status() == status)
        .sorted(Comparator.comparingInt((RuleResult r) -> -r.level().weight()))
        .toList();
  }

  static String shortCommit(String commit) {
    return commit.length() > 12 ? commit.substring(0, 12) : commit;
  }
}
