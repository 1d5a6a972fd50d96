package dev.fleetcheck.core.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** When, and in which scan, a repository first showed a finding. */
public record FirstSeen(Instant at, String scanId) {

  public FirstSeen {
    at = at.truncatedTo(ChronoUnit.MILLIS);
    Objects.requireNonNull(scanId, "scanId");
  }
}
