package dev.fleetcheck.aws.sqs;

import java.time.Duration;
import java.util.Objects;

/**
 * The scan queue, its dead-letter queue, and the redrive policy's {@code maxReceiveCount} they were
 * created with (template.yaml on AWS, {@link QueueDefinition} on a local endpoint).
 */
public record SqsQueues(
    String queueUrl, String deadLetterUrl, int maxReceives, Duration visibilityTimeout) {

  public SqsQueues {
    Objects.requireNonNull(queueUrl, "queueUrl");
    Objects.requireNonNull(deadLetterUrl, "deadLetterUrl");
    Objects.requireNonNull(visibilityTimeout, "visibilityTimeout");
    if (maxReceives < 1) {
      throw new IllegalArgumentException("maxReceives must be >= 1");
    }
  }
}
