package dev.fleetcheck.core.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What the result store keeps about one scan. {@code sweepId} is the sweep that first produced it
 * (empty for an on-demand scan); a later sweep that finds the same commit points at this record
 * rather than scanning again. Times are kept to the millisecond.
 */
public record ScanRecord(
    String scanId,
    String repository,
    String team,
    String source,
    String commit,
    String rulePackDigest,
    String sweepId,
    Instant scannedAt,
    ScanOutcome outcome) {

  public ScanRecord {
    Objects.requireNonNull(scanId, "scanId");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(commit, "commit");
    Objects.requireNonNull(rulePackDigest, "rulePackDigest");
    Objects.requireNonNull(sweepId, "sweepId");
    scannedAt = scannedAt.truncatedTo(ChronoUnit.MILLIS);
    Objects.requireNonNull(outcome, "outcome");
  }

  public boolean succeeded() {
    return outcome instanceof ScanOutcome.Succeeded;
  }

  /**
   * Whether this is a result a fresh scan of its commit with its rule pack would repeat at {@code
   * now}: it succeeded, and no waiver it applied has expired since.
   */
  public boolean stillTrueAt(Instant now) {
    return outcome instanceof ScanOutcome.Succeeded succeeded && succeeded.trueAt(now);
  }
}
