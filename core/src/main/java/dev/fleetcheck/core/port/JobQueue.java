package dev.fleetcheck.core.port;

import dev.fleetcheck.core.model.ScanJob;
import java.util.List;

/**
 * The scan job queue, with SQS semantics whatever the adapter: at-least-once delivery, a visibility
 * timeout after each receive, redelivery when a delivery is not deleted in time, a receive count
 * per message, and a dead-letter queue once a message has been received {@link #maxReceives()}
 * times.
 */
public interface JobQueue {

  /** The most messages one send or one receive handles (SQS's batch limit). */
  int MAX_BATCH = 10;

  /**
   * Enqueues up to {@link #MAX_BATCH} jobs in one call.
   *
   * @throws dev.fleetcheck.core.error.FleetcheckException INVALID_ARGUMENT over the batch limit,
   *     STORE_FAILED when the queue cannot take them
   */
  void sendBatch(List<ScanJob> jobs);

  /**
   * Up to {@code max} (at most {@link #MAX_BATCH}) messages that are visible now; each becomes
   * invisible for the visibility timeout and gets a fresh receipt handle. A message already
   * received {@link #maxReceives()} times moves to the dead-letter queue instead.
   */
  List<Delivery> receive(int max);

  /**
   * Acknowledges a delivery. A stale receipt (the message has been delivered again since) deletes
   * nothing; the answer says whether the message was deleted.
   */
  boolean delete(String receiptHandle);

  /**
   * Gives a delivery up with a reason: the message stays and is delivered again once its visibility
   * timeout lapses. The reason is what the dead-letter queue shows if this was the last receive
   * (adapters that cannot attach it to the message log it).
   */
  void fail(String receiptHandle, String reason);

  /** The receives after which a message is dead-lettered (the redrive policy's maxReceiveCount). */
  int maxReceives();

  /**
   * One page of the messages in the dead-letter queue, oldest first. A queue that cannot keep a
   * failure reason on the message answers an empty {@code lastFailure}; the worker then keeps the
   * reason on the failed scan record of the job's last receive.
   */
  Page<DeadLetter> deadLetters(PageRequest page);

  /** How many messages wait, are in flight and are dead-lettered (approximate on SQS). */
  QueueDepth depth();

  /** One delivery of a message: its body is a scan job as {@code ScanJobCodec} encodes it. */
  record Delivery(String messageId, String receiptHandle, String body, int receiveCount) {}

  /** A message the queue gave up on, with the last failure reason a consumer reported. */
  record DeadLetter(String messageId, String body, int receiveCount, String lastFailure) {}

  record QueueDepth(int visible, int inFlight, int deadLettered) {

    /** Whether every message has been deleted or dead-lettered. */
    public boolean drained() {
      return visible == 0 && inFlight == 0;
    }
  }
}
