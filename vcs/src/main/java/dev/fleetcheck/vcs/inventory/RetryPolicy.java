package dev.fleetcheck.vcs.inventory;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the GitHub inventory waits out rate limits and transient failures before it gives up.
 *
 * @param maxAttempts attempts per request, the first included
 * @param maxWait the longest single wait accepted; a rate limit resetting later fails at once
 * @param backoff the first wait after a server error or timeout, doubled on each further attempt
 */
public record RetryPolicy(int maxAttempts, Duration maxWait, Duration backoff) {

  /**
   * Four attempts, waits up to five minutes (GitHub's hourly window may need that), 1 s backoff.
   */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(4, Duration.ofMinutes(5), Duration.ofSeconds(1));

  public RetryPolicy {
    Objects.requireNonNull(maxWait, "maxWait");
    Objects.requireNonNull(backoff, "backoff");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    if (maxWait.isNegative() || backoff.isNegative()) {
      throw new IllegalArgumentException("waits must not be negative");
    }
  }

  /** The wait before attempt {@code attempt + 1} after a transient failure, within maxWait. */
  Duration backoffAfter(int attempt) {
    Duration wait = backoff.multipliedBy(1L << Math.min(20, attempt - 1));
    return wait.compareTo(maxWait) > 0 ? maxWait : wait;
  }
}
