package dev.fleetcheck.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * The message a sweep (or an on-demand request) puts on the queue: scan this repository. {@code
 * sweepId} is empty for an on-demand scan. {@code jobId} names this request, so that every
 * redelivery of it records a failure under the same scan ID.
 */
public record ScanJob(String jobId, String sweepId, RepoRef repository, Instant enqueuedAt) {

  public ScanJob {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(sweepId, "sweepId");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(enqueuedAt, "enqueuedAt");
  }

  /** The job of one repository in one sweep; its ID is the same however often it is sent. */
  public static ScanJob forSweep(String sweepId, RepoRef repository, Instant enqueuedAt) {
    return new ScanJob(sweepId + ":" + repository.name(), sweepId, repository, enqueuedAt);
  }

  public boolean inSweep() {
    return !sweepId.isEmpty();
  }
}
