package dev.fleetcheck.core.fleet;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.model.IdempotencyClaim;
import dev.fleetcheck.core.model.RepoRef;
import dev.fleetcheck.core.model.ScanJob;
import dev.fleetcheck.core.port.IdempotencyStore;
import dev.fleetcheck.core.port.JobQueue;
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
 *
 * <p>The key points at a job only once that job is queued: it is claimed PENDING, the job is sent,
 * then the claim is marked QUEUED. A failed send frees the key so a retry queues; a sender that
 * died between claim and mark leaves a PENDING claim that a retry takes over after {@link
 * #PENDING_LEASE} (the job may then be queued twice; scans are idempotent by commit). The same key
 * with another request is IDEMPOTENCY_CONFLICT; the same request while the first is still sending
 * is REQUEST_IN_PROGRESS.
 */
public final class RequestScan {

  public static final Duration KEY_LIFETIME = Duration.ofHours(24);

  /** Longer than one send may take; a PENDING claim older than this was abandoned. */
  public static final Duration PENDING_LEASE = Duration.ofMinutes(2);

  private static final String KEY_PREFIX = "scan-request:";

  private final JobQueue queue;
  private final IdempotencyStore keys;
  private final Clock clock;

  public RequestScan(JobQueue queue, IdempotencyStore keys, Clock clock) {
    this.queue = queue;
    this.keys = keys;
    this.clock = clock;
  }

  /** The queued job's ID, and whether this call queued it (false: an earlier request did). */
  public record Requested(String jobId, boolean queued) {}

  public Requested call(RepoRef repository, Optional<String> idempotencyKey) {
    Instant now = clock.instant();
    String jobId = "od-" + UUID.randomUUID();
    ScanJob job = new ScanJob(jobId, "", repository, now);
    if (idempotencyKey.isEmpty()) {
      queue.sendBatch(List.of(job));
      return new Requested(jobId, true);
    }
    String key = KEY_PREFIX + IdempotencyKeys.requireValid(idempotencyKey.get());
    String requestHash = requestHash(repository);
    Optional<IdempotencyClaim> held =
        keys.claim(
            IdempotencyClaim.pending(key, requestHash, jobId, now, now.plus(KEY_LIFETIME)),
            now,
            now.minus(PENDING_LEASE));
    if (held.isPresent()) {
      return earlier(held.get(), requestHash);
    }
    try {
      queue.sendBatch(List.of(job));
    } catch (RuntimeException e) {
      keys.release(key, jobId);
      throw e;
    }
    keys.markQueued(key, jobId);
    return new Requested(jobId, true);
  }

  private static Requested earlier(IdempotencyClaim held, String requestHash) {
    if (!held.requestHash().equals(requestHash)) {
      throw new FleetcheckException(
          ErrorCode.IDEMPOTENCY_CONFLICT,
          "this idempotency key was used for another request within "
              + KEY_LIFETIME.toHours()
              + " hours");
    }
    if (held.state() == IdempotencyClaim.State.PENDING) {
      throw new FleetcheckException(
          ErrorCode.REQUEST_IN_PROGRESS,
          "the first request with this idempotency key is still being queued; retry shortly");
    }
    return new Requested(held.jobId(), false);
  }

  /** What makes two requests the same: the repository as the request names it. */
  static String requestHash(RepoRef repository) {
    return ScanId.hash(
        "scan-request",
        repository.name(),
        repository.url(),
        repository.team(),
        repository.defaultBranch());
  }
}
