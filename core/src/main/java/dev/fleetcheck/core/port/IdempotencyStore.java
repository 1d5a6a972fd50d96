package dev.fleetcheck.core.port;

import dev.fleetcheck.core.model.IdempotencyClaim;
import java.time.Instant;
import java.util.Optional;

/**
 * Idempotency keys of on-demand requests, each a conditional write: a key is claimed PENDING before
 * the work is sent and marked QUEUED once it is, so that a key never points at work that was not
 * sent. Methods throw {@link dev.fleetcheck.core.error.FleetcheckException} with STORE_FAILED when
 * the store cannot be reached and CURSOR_INVALID for a cursor it did not issue.
 */
public interface IdempotencyStore {

  /**
   * Claims {@code claim.key()} with a conditional write. The claim succeeds (answer empty) when the
   * key is absent, its claim has expired at {@code now}, or it is still PENDING from a claim made
   * before {@code stalePendingBefore} (a sender that died before sending). Otherwise nothing
   * changes and the claim that holds the key is returned.
   */
  Optional<IdempotencyClaim> claim(IdempotencyClaim claim, Instant now, Instant stalePendingBefore);

  /**
   * Marks the key QUEUED, only while it is PENDING for {@code jobId}.
   *
   * @return whether the mark was made (false: the claim expired or was taken over)
   */
  boolean markQueued(String key, String jobId);

  /** Frees the key, only while it is PENDING for {@code jobId} (the send failed). */
  void release(String key, String jobId);
}
