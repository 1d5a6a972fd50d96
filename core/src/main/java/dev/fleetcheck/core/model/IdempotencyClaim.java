package dev.fleetcheck.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Who holds an idempotency key: the fingerprint of the request that claimed it, the job it names,
 * whether that job has been queued, and when the claim was made and expires.
 */
public record IdempotencyClaim(
    String key,
    String requestHash,
    String jobId,
    State state,
    Instant claimedAt,
    Instant expiresAt) {

  public enum State {
    /** Claimed; the job is being sent. */
    PENDING,
    /** The job is on the queue. */
    QUEUED
  }

  public IdempotencyClaim {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(requestHash, "requestHash");
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(claimedAt, "claimedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  public static IdempotencyClaim pending(
      String key, String requestHash, String jobId, Instant now, Instant expiresAt) {
    return new IdempotencyClaim(key, requestHash, jobId, State.PENDING, now, expiresAt);
  }
}
