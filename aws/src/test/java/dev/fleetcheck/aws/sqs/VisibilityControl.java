package dev.fleetcheck.aws.sqs;

import dev.fleetcheck.core.contract.ForwardingJobQueue;
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
public final class VisibilityControl extends ForwardingJobQueue {

  private final SqsClient sqs;
  private final String queueUrl;
  private final ConcurrentLinkedQueue<String> receipts = new ConcurrentLinkedQueue<>();

  public VisibilityControl(JobQueue queue, SqsClient sqs, String queueUrl) {
    super(queue);
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
  public List<Delivery> receive(int max) {
    List<Delivery> deliveries = super.receive(max);
    deliveries.forEach(d -> receipts.add(d.receiptHandle()));
    return deliveries;
  }
}
