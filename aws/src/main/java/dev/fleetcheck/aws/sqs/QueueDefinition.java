package dev.fleetcheck.aws.sqs;

import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates a scan queue with its dead-letter queue and redrive policy on a local endpoint (tests,
 * {@code make up}); on AWS the SAM template declares them.
 */
public final class QueueDefinition {

  private QueueDefinition() {}

  public static SqsQueues create(
      SqsClient sqs, String name, int maxReceives, Duration visibilityTimeout) {
    String deadLetterUrl = sqs.createQueue(b -> b.queueName(name + "-dlq")).queueUrl();
    String deadLetterArn =
        sqs.getQueueAttributes(
                b -> b.queueUrl(deadLetterUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    String redrive =
        "{\"deadLetterTargetArn\":\""
            + deadLetterArn
            + "\",\"maxReceiveCount\":"
            + maxReceives
            + "}";
    String queueUrl =
        sqs.createQueue(
                b ->
                    b.queueName(name)
                        .attributes(
                            Map.of(
                                QueueAttributeName.REDRIVE_POLICY,
                                redrive,
                                QueueAttributeName.VISIBILITY_TIMEOUT,
                                Long.toString(visibilityTimeout.toSeconds()))))
            .queueUrl();
    return new SqsQueues(queueUrl, deadLetterUrl, maxReceives, visibilityTimeout);
  }
}
