package dev.fleetcheck.core.fleet;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.model.RepoRef;
import dev.fleetcheck.core.model.ScanJob;
import dev.fleetcheck.core.model.ScanOutcome;
import dev.fleetcheck.core.model.ScanRecord;
import dev.fleetcheck.core.model.SweepEntry;
import dev.fleetcheck.core.port.ScanStore;
import dev.fleetcheck.core.port.SweepStore;
import java.time.Clock;
import java.util.List;

/**
 * Records a job that will not be retried as failed, with its reason: a failed scan record (one per
 * job, whatever the number of deliveries) and, in a sweep, the repository's FAILED entry. The
 * reason so survives on queues that cannot keep one on the dead-lettered message.
 */
final class FailedScans {

  private final ScanStore scans;
  private final SweepStore sweeps;
  private final Clock clock;

  FailedScans(ScanStore scans, SweepStore sweeps, Clock clock) {
    this.scans = scans;
    this.sweeps = sweeps;
    this.clock = clock;
  }

  /** Records the failure; answers whether the sweep's counters changed. */
  boolean record(ScanJob job, ErrorCode code, String message, String rulePackDigest) {
    String scanId = ScanId.ofFailedJob(job.jobId());
    RepoRef repository = job.repository();
    scans.putScan(
        new ScanRecord(
            scanId,
            repository.name(),
            repository.team(),
            repository.url(),
            "",
            rulePackDigest,
            job.sweepId(),
            clock.instant(),
            new ScanOutcome.Failed(code, message)),
        List.of());
    return job.inSweep()
        && sweeps.recordSweepEntry(
            SweepEntry.failed(job.sweepId(), repository.name(), scanId, code, clock.instant()));
  }
}
