package dev.fleetcheck.aws.scenarios;

import dev.fleetcheck.core.contract.ForwardingJobQueue;
import dev.fleetcheck.core.port.JobQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SQS under the scenarios' test clock. A delivery stays invisible until the test clock passes its
 * visibility timeout, then is made visible again by ChangeMessageVisibility 0 before the next
 * receive, as SQS would after the real timeout (which is long enough never to lapse during a test).
 * The deliveries in flight are SQS's state, not the process's, so they outlive a restart.
 */
final class ClockDrivenQueue extends ForwardingJobQueue {

  /** The receipts in flight and when each one's visibility ends on the test clock. */
  static final class InFlight {
    private final Map<String, Instant> visibleAgainAt = new ConcurrentHashMap<>();
  }

  private final SqsClient sqs;
  private final String queueUrl;
  private final Clock clock;
  private final Duration visibility;
  private final InFlight inFlight;

  ClockDrivenQueue(
      JobQueue queue,
      SqsClient sqs,
      String queueUrl,
      Clock clock,
      Duration visibility,
      InFlight inFlight) {
    super(queue);
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.clock = clock;
    this.visibility = visibility;
    this.inFlight = inFlight;
  }

  @Override
  public List<Delivery> receive(int max) {
    expireDue();
    List<Delivery> deliveries = super.receive(max);
    Instant due = clock.instant().plus(visibility);
    deliveries.forEach(d -> inFlight.visibleAgainAt.put(d.receiptHandle(), due));
    return deliveries;
  }

  @Override
  public boolean delete(String receiptHandle) {
    inFlight.visibleAgainAt.remove(receiptHandle);
    return super.delete(receiptHandle);
  }

  @Override
  public QueueDepth depth() {
    expireDue();
    return super.depth();
  }

  private void expireDue() {
    Instant now = clock.instant();
    for (Map.Entry<String, Instant> entry : inFlight.visibleAgainAt.entrySet()) {
      if (!entry.getValue().isAfter(now)
          && inFlight.visibleAgainAt.remove(entry.getKey(), entry.getValue())) {
        try {
          sqs.changeMessageVisibility(
              b -> b.queueUrl(queueUrl).receiptHandle(entry.getKey()).visibilityTimeout(0));
        } catch (SdkException deletedOrDeadLettered) {
          // Nothing left to make visible.
        }
      }
    }
  }
}
