package dev.fleetcheck.aws.localstack;

import dev.fleetcheck.aws.AwsClients;
import dev.fleetcheck.aws.dynamo.DynamoResultStore;
import dev.fleetcheck.aws.dynamo.TableDefinition;
import dev.fleetcheck.core.contract.ResultStoreContract;
import dev.fleetcheck.core.port.ResultStore;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The result store contract against LocalStack; skipped where no Docker engine exists. */
@Tag("integration")
@Testcontainers(disabledWithoutDocker = true)
class DynamoResultStoreLocalStackTest extends ResultStoreContract {

  @Container static final LocalStackContainer LOCALSTACK = LocalStackImage.container();

  private static AwsClients clients;
  private static DynamoDbClient dynamoDb;

  @BeforeAll
  static void connect() {
    clients = new AwsClients(LocalStackImage.settings(LOCALSTACK));
    dynamoDb = clients.dynamoDb();
  }

  @AfterAll
  static void disconnect() {
    if (clients != null) {
      clients.close();
    }
  }

  @Override
  protected ResultStore newStore() {
    String table = "fleetcheck-" + UUID.randomUUID();
    TableDefinition.create(dynamoDb, table);
    return new DynamoResultStore(
        dynamoDb, table, "a cursor key of at least 32 bytes!".getBytes(StandardCharsets.UTF_8));
  }
}
