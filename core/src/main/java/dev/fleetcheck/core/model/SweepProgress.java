package dev.fleetcheck.core.model;

/**
 * Where a sweep stands: repositories expected, scanned ({@code done}), given up on ({@code failed},
 * counted once the failure is final) and the rest still pending.
 */
public record SweepProgress(String sweepId, int expected, int done, int failed) {

  public int pending() {
    return Math.max(0, expected - done - failed);
  }

  public boolean complete() {
    return pending() == 0;
  }
}
