package dev.fleetcheck.core.fleet;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.model.RepoRef;
import dev.fleetcheck.core.model.ScanJob;
import dev.fleetcheck.core.port.JobQueue;
import dev.fleetcheck.core.port.ResultStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Queues an on-demand scan of one repository: the same job message a sweep sends, outside any
 * sweep. With an idempotency key, a repeated request within {@link #KEY_LIFETIME} returns the job
 * of the first one and queues nothing.
 */
public final class RequestScan {

  public static final Duration KEY_LIFETIME = Duration.ofHours(24);

  private final JobQueue queue;
  private final ResultStore store;
  private final Clock clock;

  public RequestScan(JobQueue queue, ResultStore store, Clock clock) {
    this.queue = queue;
    this.store = store;
    this.clock = clock;
  }

  /** The queued job's ID, and whether this call queued it (false: an earlier request did). */
  public record Requested(String jobId, boolean queued) {}

  public Requested call(RepoRef repository, Optional<String> idempotencyKey) {
    Instant now = clock.instant();
    String jobId = "od-" + UUID.randomUUID();
    if (idempotencyKey.isPresent()) {
      String key = idempotencyKey.get();
      if (key.isBlank() || key.length() > 200) {
        throw new FleetcheckException(
            ErrorCode.INVALID_ARGUMENT, "an idempotency key has 1 to 200 characters");
      }
      Optional<String> earlier =
          store.claimIdempotencyKey("scan-request:" + key, jobId, now, now.plus(KEY_LIFETIME));
      if (earlier.isPresent()) {
        return new Requested(earlier.get(), false);
      }
    }
    queue.sendBatch(List.of(new ScanJob(jobId, "", repository, now)));
    return new Requested(jobId, true);
  }
}
