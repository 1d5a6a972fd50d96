package dev.fleetcheck.core.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** One organisation-wide run: when it started, how many repositories it expects, which pack. */
public record Sweep(String sweepId, Instant startedAt, int expected, String rulePackDigest) {

  public Sweep {
    Objects.requireNonNull(sweepId, "sweepId");
    startedAt = startedAt.truncatedTo(ChronoUnit.MILLIS);
    if (expected < 0) {
      throw new IllegalArgumentException("expected must be >= 0");
    }
    Objects.requireNonNull(rulePackDigest, "rulePackDigest");
  }
}
