package dev.fleetcheck.core.fleet;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.FailingRule;
import dev.fleetcheck.core.model.Finding;
import dev.fleetcheck.core.model.FirstSeen;
import dev.fleetcheck.core.model.RuleResult;
import dev.fleetcheck.core.model.ScanReport;
import dev.fleetcheck.core.model.Status;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The failing outcomes of a report, the only outcomes the result store keeps as items. */
final class FailingRules {

  private FailingRules() {}

  static List<RuleResult> failing(ScanReport report) {
    return report.results().stream().filter(r -> r.status() == Status.FAIL).toList();
  }

  /** The fingerprints of the findings that will be stored, in report order. */
  static Set<String> fingerprints(ScanReport report) {
    Set<String> fingerprints = new LinkedHashSet<>();
    for (RuleResult result : failing(report)) {
      for (Evidence evidence : stored(result)) {
        fingerprints.add(FindingFingerprint.of(result.rule().id(), evidence));
      }
    }
    return fingerprints;
  }

  static List<FailingRule> of(ScanReport report, Map<String, FirstSeen> firstSeen) {
    List<FailingRule> rules = new ArrayList<>();
    for (RuleResult result : failing(report)) {
      List<Finding> findings = new ArrayList<>();
      for (Evidence evidence : stored(result)) {
        String fingerprint = FindingFingerprint.of(result.rule().id(), evidence);
        FirstSeen seen = firstSeen.get(fingerprint);
        if (seen == null) {
          throw new IllegalStateException("the store answered no first sighting for a finding");
        }
        findings.add(
            new Finding(
                fingerprint,
                evidence.path(),
                evidence.line(),
                evidence.message(),
                seen.at(),
                seen.scanId()));
      }
      rules.add(
          new FailingRule(
              result.rule().id(), result.level(), result.outcome().evidence().size(), findings));
    }
    return rules;
  }

  private static List<Evidence> stored(RuleResult result) {
    List<Evidence> evidence = result.outcome().evidence();
    return evidence.size() <= FailingRule.MAX_STORED_FINDINGS
        ? evidence
        : evidence.subList(0, FailingRule.MAX_STORED_FINDINGS);
  }
}
