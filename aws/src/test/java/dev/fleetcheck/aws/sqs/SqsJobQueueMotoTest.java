package dev.fleetcheck.aws.sqs;

import dev.fleetcheck.aws.AwsClients;
import dev.fleetcheck.aws.AwsSettings;
import dev.fleetcheck.aws.ContractGaps;
import dev.fleetcheck.aws.MotoServer;
import dev.fleetcheck.aws.dynamo.TableDefinition;
import dev.fleetcheck.core.contract.JobQueueContract;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The job queue contract against SQS's wire protocol, served by moto_server, with failure reasons
 * kept in a DynamoDB table on the same endpoint. Visibility timeouts end by
 * ChangeMessageVisibility, as a consumer giving a message back would.
 */
@Tag("integration")
@ExtendWith(MotoServer.class)
class SqsJobQueueMotoTest extends JobQueueContract {

  /**
   * SQS answers a DeleteMessage with a stale receipt with success whether or not it deleted
   * anything, so no SQS adapter can tell the caller; the worker's idempotency rests on the store.
   * moto_server serves concurrent ReceiveMessage calls without a lock, so two consumers can get the
   * same message there (SQS standard queues allow that too, rarely; the store's conditional writes
   * absorb it).
   */
  @RegisterExtension
  static final ContractGaps GAPS =
      ContractGaps.of(
              "aStaleReceiptDoesNotDeleteTheNewDelivery",
              "SQS cannot tell whether a DeleteMessage with a stale receipt deleted anything")
          .and(
              "concurrentConsumersNeverShareADelivery",
              "moto_server does not lock ReceiveMessage across concurrent requests");

  private static AwsClients clients;
  private static SqsClient sqs;
  private static DynamoDbClient dynamoDb;
  private static String table;

  @BeforeAll
  static void connect(AwsSettings settings) {
    clients = new AwsClients(settings);
    sqs = clients.sqs();
    dynamoDb = clients.dynamoDb();
    table = "reasons-" + UUID.randomUUID();
    TableDefinition.create(dynamoDb, table);
  }

  @AfterAll
  static void disconnect() {
    clients.close();
  }

  @Override
  protected QueueFixture newQueue(int maxReceives) {
    return SqsQueueFixtures.newQueue(sqs, dynamoDb, table, maxReceives);
  }
}
