package dev.fleetcheck.vcs.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds of one fetch. A repository beyond them fails with clone_timeout or repo_too_large instead
 * of filling the disk or holding a worker.
 *
 * @param timeout wall-clock bound of the whole fetch, transfer and checkout included
 * @param maxBytes bound of the received objects and, separately, of the checked-out files
 * @param maxFiles bound of the number of files in the checked-out tree
 */
public record FetchLimits(Duration timeout, long maxBytes, int maxFiles) {

  /** Two minutes, 512 MiB, 100,000 files: a large application repository fits, a data dump not. */
  public static final FetchLimits DEFAULT =
      new FetchLimits(Duration.ofMinutes(2), 512L * 1024 * 1024, 100_000);

  public FetchLimits {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    if (maxBytes <= 0 || maxFiles <= 0) {
      throw new IllegalArgumentException("maxBytes and maxFiles must be positive");
    }
  }

  /** The transport's socket timeout in whole seconds (JGit's unit), never above the bound. */
  int transportTimeoutSeconds() {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
  }
}
