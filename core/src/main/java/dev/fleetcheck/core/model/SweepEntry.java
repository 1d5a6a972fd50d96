package dev.fleetcheck.core.model;

import dev.fleetcheck.core.error.ErrorCode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * A repository's final outcome in one sweep: the scan that answers for it, and for a failure the
 * error code. Each repository counts once in its sweep's progress.
 */
public record SweepEntry(
    String sweepId,
    String repository,
    State state,
    String scanId,
    Optional<ErrorCode> errorCode,
    Instant recordedAt) {

  public enum State {
    DONE,
    FAILED
  }

  public SweepEntry {
    Objects.requireNonNull(sweepId, "sweepId");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(scanId, "scanId");
    Objects.requireNonNull(errorCode, "errorCode");
    if ((state == State.FAILED) != errorCode.isPresent()) {
      throw new IllegalArgumentException(
          "a FAILED entry, and only a FAILED one, has an error code");
    }
    recordedAt = recordedAt.truncatedTo(ChronoUnit.MILLIS);
  }

  public static SweepEntry done(String sweepId, String repository, String scanId, Instant at) {
    return new SweepEntry(sweepId, repository, State.DONE, scanId, Optional.empty(), at);
  }

  public static SweepEntry failed(
      String sweepId, String repository, String scanId, ErrorCode errorCode, Instant at) {
    return new SweepEntry(sweepId, repository, State.FAILED, scanId, Optional.of(errorCode), at);
  }
}
