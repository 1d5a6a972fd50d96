package dev.fleetcheck.core.fleet;

import dev.fleetcheck.core.error.ErrorCode;

/** How one delivery of a scan job ended, and so what the consumer does with the message. */
public sealed interface JobResult {

  /** Whether the message should be deleted now (true) or left for redelivery (false). */
  boolean deleteMessage();

  /**
   * The repository has its result. {@code scanned} is false when an existing scan of the same
   * commit and pack was reused; {@code counted} is false when the sweep had already counted it.
   */
  record Completed(String scanId, boolean scanned, boolean counted) implements JobResult {
    @Override
    public boolean deleteMessage() {
      return true;
    }
  }

  /**
   * The job failed. {@code retryable} failures leave the message for redelivery (and, after the
   * last receive, for the dead-letter queue); the others cannot succeed on retry and the message is
   * deleted. {@code recorded} says whether the failure was final and stored on the scan and sweep.
   */
  record Failed(ErrorCode errorCode, String message, boolean retryable, boolean recorded)
      implements JobResult {
    @Override
    public boolean deleteMessage() {
      return !retryable;
    }
  }

  /**
   * The worker's own storage failed (report folder not writable, disk full, database unusable):
   * nothing is known about the repository, so nothing is recorded for it. The message stays for
   * redelivery and the consumer stops taking jobs until an operator fixes the cause; retrying other
   * repositories would only fail them the same way.
   */
  record Halted(ErrorCode errorCode, String message) implements JobResult {
    @Override
    public boolean deleteMessage() {
      return false;
    }
  }
}
