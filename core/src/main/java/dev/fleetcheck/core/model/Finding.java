package dev.fleetcheck.core.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One piece of failing evidence with a stable identity across scans: its fingerprint, and when and
 * in which scan the repository first showed it.
 */
public record Finding(
    String fingerprint,
    String path,
    int line,
    String message,
    Instant firstSeenAt,
    String firstScanId) {

  public Finding {
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    firstSeenAt = firstSeenAt.truncatedTo(ChronoUnit.MILLIS);
    Objects.requireNonNull(firstScanId, "firstScanId");
  }

  /** Whether the finding appeared in {@code scanId} rather than an earlier scan (still open). */
  public boolean newIn(String scanId) {
    return firstScanId.equals(scanId);
  }
}
