package dev.fleetcheck.cli.sweep;

import dev.fleetcheck.cli.config.Durations;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.time.Duration;

/**
 * The time bounds of one scan job, checked against the queue's visibility timeout at startup: a job
 * (clone, then scan) must end before its message becomes visible again, or a second worker starts
 * the same job while the first still runs.
 *
 * @param fetch the fetch's wall-clock bound
 * @param scan the scan's wall-clock bound ({@code scan_timeout})
 * @param visibility the queue's visibility timeout
 */
public record JobTimeouts(Duration fetch, Duration scan, Duration visibility) {

  /** The default {@code scan_timeout}: with the two-minute clone bound, 30 s inside visibility. */
  public static final Duration DEFAULT_SCAN = Duration.ofSeconds(90);

  /**
   * @throws FleetcheckException INVALID_CONFIG when fetch and scan together do not end before the
   *     visibility timeout
   */
  public JobTimeouts {
    if (fetch.plus(scan).compareTo(visibility) >= 0) {
      throw new FleetcheckException(
          ErrorCode.INVALID_CONFIG,
          "scan_timeout "
              + Durations.format(scan)
              + " is too long: a job (clone bound "
              + Durations.format(fetch)
              + " + scan_timeout) must end before the queue's visibility timeout of "
              + Durations.format(visibility)
              + ", or the job is delivered again while it runs; set scan_timeout below "
              + Durations.format(visibility.minus(fetch)));
    }
  }
}
