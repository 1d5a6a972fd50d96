package dev.fleetcheck.cli.sweep;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.fleet.ScanId;
import dev.fleetcheck.core.fleet.ScanJobCodec;
import dev.fleetcheck.core.model.ScanJob;
import dev.fleetcheck.core.model.ScanOutcome;
import dev.fleetcheck.core.model.ScanRecord;
import dev.fleetcheck.core.model.SweepEntry;
import dev.fleetcheck.core.port.JobQueue;
import dev.fleetcheck.core.port.ResultStore;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * Counts a sweep's dead-lettered jobs as failed. A worker records the failure itself on a job's
 * last receive, but a job whose last receive never finished (the process was killed) reaches the
 * dead-letter queue unrecorded, and its repository would stay pending for ever.
 */
final class DeadLetters {

  private final JobQueue queue;
  private final ResultStore store;
  private final Clock clock;
  private final String rulePackDigest;

  DeadLetters(JobQueue queue, ResultStore store, Clock clock, String rulePackDigest) {
    this.queue = queue;
    this.store = store;
    this.clock = clock;
    this.rulePackDigest = rulePackDigest;
  }

  /** Records every unrecorded dead-lettered job of the sweep as failed; answers how many. */
  int recordFailures(String sweepId) {
    int recorded = 0;
    for (JobQueue.DeadLetter letter : queue.deadLetters()) {
      ScanJob job;
      try {
        job = ScanJobCodec.decode(letter.body());
      } catch (FleetcheckException malformed) {
        continue;
      }
      if (!job.sweepId().equals(sweepId)
          || store.sweepEntry(sweepId, job.repository().name()).isPresent()) {
        continue;
      }
      ErrorCode code = errorCodeOf(letter.lastFailure());
      String scanId = ScanId.ofFailedJob(job.jobId());
      String message = "dead-lettered after " + letter.receiveCount() + " receives";
      store.putScan(
          new ScanRecord(
              scanId,
              job.repository().name(),
              job.repository().team(),
              job.repository().url(),
              "",
              rulePackDigest,
              sweepId,
              clock.instant(),
              new ScanOutcome.Failed(code, message)),
          List.of());
      if (store.recordSweepEntry(
          SweepEntry.failed(sweepId, job.repository().name(), scanId, code, clock.instant()))) {
        recorded++;
      }
    }
    return recorded;
  }

  /** The worker's reasons read "error_code: message"; anything else is a scan failure. */
  static ErrorCode errorCodeOf(String lastFailure) {
    if (lastFailure != null) {
      int colon = lastFailure.indexOf(':');
      String code = (colon < 0 ? lastFailure : lastFailure.substring(0, colon)).strip();
      for (ErrorCode candidate : ErrorCode.values()) {
        if (candidate.code().equals(code.toLowerCase(Locale.ROOT))) {
          return candidate;
        }
      }
    }
    return ErrorCode.SCAN_FAILED;
  }
}
