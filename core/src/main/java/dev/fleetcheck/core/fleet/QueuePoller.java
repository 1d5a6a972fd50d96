package dev.fleetcheck.core.fleet;

import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.port.JobQueue;
import dev.fleetcheck.core.port.JobQueue.Delivery;
import java.util.List;

/**
 * What the Lambda event source mapping does for SQS, done in process: receive a batch, hand it to
 * the worker, delete the messages that did not fail and leave the failed ones (with their reason)
 * for redelivery after the visibility timeout. When the worker's own storage failed, the poller
 * throws that failure after acknowledging the batch, so its thread stops at the first one.
 */
public final class QueuePoller {

  private final JobQueue queue;
  private final ScanWorker worker;
  private final int batchSize;

  public QueuePoller(JobQueue queue, ScanWorker worker, int batchSize) {
    if (batchSize < 1 || batchSize > JobQueue.MAX_BATCH) {
      throw new IllegalArgumentException("batch size between 1 and " + JobQueue.MAX_BATCH);
    }
    this.queue = queue;
    this.worker = worker;
    this.batchSize = batchSize;
  }

  /**
   * One receive-handle-acknowledge round; answers how many deliveries it handled.
   *
   * @throws FleetcheckException with the worker's error code when local storage failed
   */
  public int pollOnce() {
    List<Delivery> batch = queue.receive(batchSize);
    if (batch.isEmpty()) {
      return 0;
    }
    BatchResult result = worker.handle(batch);
    for (Delivery delivery : batch) {
      if (result.failed(delivery.messageId())) {
        String reason =
            result.failures().stream()
                .filter(f -> f.messageId().equals(delivery.messageId()))
                .map(BatchResult.ItemFailure::reason)
                .findFirst()
                .orElse("");
        queue.fail(delivery.receiptHandle(), reason);
      } else {
        queue.delete(delivery.receiptHandle());
      }
    }
    if (result.halted().isPresent()) {
      JobResult.Halted halted = result.halted().get();
      throw new FleetcheckException(halted.errorCode(), halted.message());
    }
    return batch.size();
  }
}
