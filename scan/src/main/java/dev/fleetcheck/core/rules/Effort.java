package dev.fleetcheck.core.rules;

/** The usual effort of fixing a failing rule, as Scorecard's probes grade remediation. */
public enum Effort {
  /** A setting, a flag or a line: minutes. */
  LOW,
  /** A few files or a new tool: hours. */
  MEDIUM,
  /** A design change across the code base: days. */
  HIGH
}
