package dev.fleetcheck.core.fleet;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.model.ScanJob;
import dev.fleetcheck.core.port.FailureLog;
import dev.fleetcheck.core.port.JobQueue;
import dev.fleetcheck.core.port.Page;
import dev.fleetcheck.core.port.PageRequest;
import dev.fleetcheck.core.port.ScanStore;
import dev.fleetcheck.core.port.SweepStore;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Counts a sweep's dead-lettered jobs as failed. A worker records the failure itself on a job's
 * last receive, but a job whose last receive never finished (the process was killed) reaches the
 * dead-letter queue unrecorded, and its repository would stay pending for ever. Reads the
 * dead-letter queue page by page, so a large one never loads at once.
 */
public final class DeadLetters {

  private static final int PAGE = JobQueue.MAX_BATCH * 10;

  private final JobQueue queue;
  private final SweepStore sweeps;
  private final FailedScans failedScans;
  private final String rulePackDigest;
  private final FailureLog log;

  public DeadLetters(
      JobQueue queue,
      ScanStore scans,
      SweepStore sweeps,
      Clock clock,
      String rulePackDigest,
      FailureLog log) {
    this.queue = queue;
    this.sweeps = sweeps;
    this.failedScans = new FailedScans(scans, sweeps, clock);
    this.rulePackDigest = rulePackDigest;
    this.log = log;
  }

  /** Records every unrecorded dead-lettered job of the sweep as failed; answers how many. */
  public int recordFailures(String sweepId) {
    int recorded = 0;
    PageRequest request = PageRequest.first(PAGE);
    while (true) {
      Page<JobQueue.DeadLetter> page = queue.deadLetters(request);
      for (JobQueue.DeadLetter letter : page.items()) {
        if (record(sweepId, letter)) {
          recorded++;
        }
      }
      if (page.next().isEmpty()) {
        return recorded;
      }
      request = PageRequest.after(page.next().get(), PAGE);
    }
  }

  private boolean record(String sweepId, JobQueue.DeadLetter letter) {
    Optional<ScanJob> decoded = decode(letter);
    if (decoded.isEmpty()) {
      return false;
    }
    ScanJob job = decoded.get();
    if (!job.sweepId().equals(sweepId)
        || sweeps.sweepEntry(sweepId, job.repository().name()).isPresent()) {
      return false;
    }
    ErrorCode code = errorCodeOf(letter.lastFailure());
    String message = "dead-lettered after " + letter.receiveCount() + " receives";
    log.failure(
        "job.dead_lettered",
        code,
        message,
        Map.of("sweep_id", sweepId, "job_id", job.jobId(), "repository", job.repository().name()));
    return failedScans.record(job, code, message, rulePackDigest);
  }

  private Optional<ScanJob> decode(JobQueue.DeadLetter letter) {
    try {
      return Optional.of(ScanJobCodec.decode(letter.body()));
    } catch (FleetcheckException malformed) {
      log.failure(
          "job.malformed",
          malformed.errorCode(),
          malformed.getMessage(),
          Map.of("message_id", letter.messageId()));
      return Optional.empty();
    }
  }

  /**
   * The worker's reasons read "error_code: message"; anything else (or no reason, on a queue that
   * keeps none) is a scan failure.
   */
  public static ErrorCode errorCodeOf(String lastFailure) {
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
