package dev.fleetcheck.aws.dynamo;

import dev.fleetcheck.aws.AwsClients;
import dev.fleetcheck.aws.AwsSettings;
import dev.fleetcheck.aws.ContractGaps;
import dev.fleetcheck.aws.MotoServer;
import dev.fleetcheck.core.contract.ResultStoreContract;
import dev.fleetcheck.core.port.ResultStore;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The result store contract against DynamoDB's wire protocol, served by moto_server. */
@Tag("integration")
@ExtendWith(MotoServer.class)
class DynamoResultStoreMotoTest extends ResultStoreContract {

  private static AwsClients clients;
  private static DynamoDbClient dynamoDb;

  @BeforeAll
  static void connect(AwsSettings settings) {
    clients = new AwsClients(settings);
    dynamoDb = clients.dynamoDb();
  }

  @AfterAll
  static void disconnect() {
    clients.close();
  }

  /**
   * moto_server runs each request on its own thread and checks a condition and writes the item
   * without a lock, so two concurrent conditional updates can both pass there; DynamoDB (and
   * LocalStack, which runs DynamoDB Local) applies them atomically. The LocalStack tier keeps it.
   */
  @RegisterExtension
  static final ContractGaps GAPS =
      ContractGaps.of(
          "concurrentDuplicateEntriesCountOnce",
          "moto_server does not make conditional writes atomic across concurrent requests");

  @Override
  protected ResultStore newStore() {
    String table = "fleetcheck-" + UUID.randomUUID();
    TableDefinition.create(dynamoDb, table);
    return new DynamoResultStore(
        dynamoDb, table, "a cursor key of at least 32 bytes!".getBytes(StandardCharsets.UTF_8));
  }
}
