package dev.fleetcheck.core.model;

import java.util.Locale;

/**
 * How a rule is judged (RULES-NEXT.md, "Outcomes of the two new classes"): an {@link #AUTOMATED}
 * check gives PASS, FAIL or NOT_APPLICABLE; an {@link #ASSISTED} check gives FAIL on an evident
 * violation and otherwise MANUAL with {@link Outcome#NO_EVIDENT_VIOLATION}, never PASS; a {@link
 * #MANUAL} rule is always judged by a person.
 */
public enum RuleKind {
  AUTOMATED,
  ASSISTED,
  MANUAL;

  /** The lower-case name used in every report format. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RuleKind fromId(String id) {
    return valueOf(id.trim().toUpperCase(Locale.ROOT));
  }

  /** Whether a machine looks at the repository for this rule at all. */
  public boolean checked() {
    return this != MANUAL;
  }
}
