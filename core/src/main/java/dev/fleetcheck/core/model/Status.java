package dev.fleetcheck.core.model;

/** The outcome kinds of RULES.md, in the order reports list them. */
public enum Status {
  FAIL,
  ERROR,
  WAIVED,
  PASS,
  NOT_APPLICABLE,
  MANUAL;

  /** Whether the outcome counts towards the score. */
  public boolean scored() {
    return this != NOT_APPLICABLE && this != MANUAL;
  }
}
