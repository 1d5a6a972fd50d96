package dev.fleetcheck.aws.localstack;

import dev.fleetcheck.aws.AwsClients;
import dev.fleetcheck.aws.dynamo.TableDefinition;
import dev.fleetcheck.aws.sqs.SqsQueueFixtures;
import dev.fleetcheck.aws.sqs.StaleReceiptGap;
import dev.fleetcheck.core.contract.JobQueueContract;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The job queue contract against LocalStack; skipped where no Docker engine exists. Visibility
 * timeouts end by ChangeMessageVisibility.
 */
@Tag("integration")
@Testcontainers(disabledWithoutDocker = true)
@ExtendWith(StaleReceiptGap.class)
class SqsJobQueueLocalStackTest extends JobQueueContract {

  @Container static final LocalStackContainer LOCALSTACK = LocalStackImage.container();
  private static AwsClients clients;
  private static SqsClient sqs;
  private static DynamoDbClient dynamoDb;
  private static String table;

  @BeforeAll
  static void connect() {
    clients = new AwsClients(LocalStackImage.settings(LOCALSTACK));
    sqs = clients.sqs();
    dynamoDb = clients.dynamoDb();
    table = "reasons-" + UUID.randomUUID();
    TableDefinition.create(dynamoDb, table);
  }

  @AfterAll
  static void disconnect() {
    if (clients != null) {
      clients.close();
    }
  }

  @Override
  protected QueueFixture newQueue(int maxReceives) {
    return SqsQueueFixtures.newQueue(sqs, dynamoDb, table, maxReceives);
  }
}
