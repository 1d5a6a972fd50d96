package dev.fleetcheck.core.model;

/** One rule's outcome on one repository, with the level that applied for its profiles. */
public record RuleResult(RuleMeta rule, Level level, Outcome outcome) {

  public Status status() {
    return outcome.status();
  }
}
