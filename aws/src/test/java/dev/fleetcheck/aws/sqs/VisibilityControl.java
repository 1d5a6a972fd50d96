package dev.fleetcheck.aws.sqs;

import dev.fleetcheck.core.model.ScanJob;
import dev.fleetcheck.core.port.JobQueue;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Wraps a queue under test and remembers every receipt it hands out, so a test can end the
 * visibility timeout of the current deliveries at once (ChangeMessageVisibility to 0) instead of
 * waiting it out; the queue's own timeout stays long enough that nothing reappears by accident.
 */
public final class VisibilityControl implements JobQueue {

  private final JobQueue queue;
  private final SqsClient sqs;
  private final String queueUrl;
  private final ConcurrentLinkedQueue<String> receipts = new ConcurrentLinkedQueue<>();

  public VisibilityControl(JobQueue queue, SqsClient sqs, String queueUrl) {
    this.queue = queue;
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  public void expireAll() {
    for (String receipt = receipts.poll(); receipt != null; receipt = receipts.poll()) {
      String handle = receipt;
      try {
        sqs.changeMessageVisibility(
            b -> b.queueUrl(queueUrl).receiptHandle(handle).visibilityTimeout(0));
      } catch (SdkException deletedOrStale) {
        // A deleted message, or one delivered again since, has nothing to expire.
      }
    }
  }

  @Override
  public void sendBatch(List<ScanJob> jobs) {
    queue.sendBatch(jobs);
  }

  @Override
  public List<Delivery> receive(int max) {
    List<Delivery> deliveries = queue.receive(max);
    deliveries.forEach(d -> receipts.add(d.receiptHandle()));
    return deliveries;
  }

  @Override
  public boolean delete(String receiptHandle) {
    return queue.delete(receiptHandle);
  }

  @Override
  public void fail(String receiptHandle, String reason) {
    queue.fail(receiptHandle, reason);
  }

  @Override
  public int maxReceives() {
    return queue.maxReceives();
  }

  @Override
  public List<DeadLetter> deadLetters() {
    return queue.deadLetters();
  }

  @Override
  public QueueDepth depth() {
    return queue.depth();
  }
}
