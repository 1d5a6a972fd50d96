package dev.fleetcheck.core.rules;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Status;

/**
 * The outcome of a rule whose obligation another rule, its home, judges and scores: NOT_APPLICABLE
 * naming the home and the home's status, so one defect lowers the score once (docs/adr/0022).
 */
public final class SameObligation {

  private SameObligation() {}

  /**
   * @param what the obligation with its verb, as in "an open default is"
   * @param homeStatus the home's status as shown, see {@link #statusOf}
   */
  public static Outcome judgedAt(String homeId, String what, String homeStatus) {
    return Outcome.notApplicable(
        "same obligation as "
            + homeId
            + ": "
            + what
            + " judged and scored there ("
            + homeStatus
            + ")");
  }

  /** The home's status, with its number of findings when it failed. */
  public static String statusOf(Outcome home) {
    return home.status() == Status.FAIL
        ? home.status() + ", " + home.evidence().size() + " finding(s)"
        : home.status().name();
  }
}
