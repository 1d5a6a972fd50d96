package dev.fleetcheck.core.model;

import java.util.Objects;
import java.util.Set;

/**
 * Everything a report says about a rule: the standard's ID and section, our short title, the level,
 * the profiles it applies to (any of them), how it is judged (automated, assisted or manual), and
 * how to fix a failure.
 */
public record RuleMeta(
    String id,
    String section,
    String title,
    Level level,
    Set<Profile> profiles,
    RuleKind kind,
    String remediation) {

  public RuleMeta {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(kind, "kind");
    profiles = Set.copyOf(profiles);
    Objects.requireNonNull(remediation, "remediation");
  }

  /** Whether the check alone decides PASS and FAIL (the automated kind). */
  public boolean automated() {
    return kind == RuleKind.AUTOMATED;
  }
}
