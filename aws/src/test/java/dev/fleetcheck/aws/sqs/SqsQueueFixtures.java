package dev.fleetcheck.aws.sqs;

import dev.fleetcheck.aws.dynamo.DynamoFailureReasons;
import dev.fleetcheck.core.contract.JobQueueContract.QueueFixture;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A fresh queue with its DLQ for the job queue contract, failure reasons in {@code reasonsTable},
 * and a visibility timeout long enough that nothing reappears unless the test ends it.
 */
public final class SqsQueueFixtures {

  private static final Duration VISIBILITY = Duration.ofSeconds(60);

  private SqsQueueFixtures() {}

  public static QueueFixture newQueue(
      SqsClient sqs, DynamoDbClient dynamoDb, String reasonsTable, int maxReceives) {
    SqsQueues queues =
        QueueDefinition.create(sqs, "jobs-" + UUID.randomUUID(), maxReceives, VISIBILITY);
    SqsJobQueue queue =
        new SqsJobQueue(
            sqs,
            queues,
            new DynamoFailureReasons(dynamoDb, reasonsTable, Clock.systemUTC()),
            Optional::empty,
            "a cursor key of at least 32 bytes!".getBytes(StandardCharsets.UTF_8));
    VisibilityControl control = new VisibilityControl(queue, sqs, queues.queueUrl());
    return new QueueFixture(control, control::expireAll);
  }
}
