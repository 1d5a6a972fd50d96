package dev.fleetcheck.aws.dynamo;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The table's keys, its six GSIs and its TTL attribute, for a local endpoint (tests, {@code make
 * up}); on AWS the SAM template declares the same table.
 */
public final class TableDefinition {

  private static final String[] INDEXES = {
    TableKeys.HISTORY_INDEX,
    TableKeys.LATEST_INDEX,
    TableKeys.TEAM_INDEX,
    TableKeys.BAND_INDEX,
    TableKeys.RULE_INDEX,
    TableKeys.SWEEPS_INDEX
  };

  private TableDefinition() {}

  /** Creates the table, waits until it is active and turns TTL on. */
  public static void create(DynamoDbClient client, String tableName) {
    List<AttributeDefinition> attributes = new ArrayList<>();
    attributes.add(string(TableKeys.PK));
    attributes.add(string(TableKeys.SK));
    List<GlobalSecondaryIndex> indexes = new ArrayList<>();
    for (int i = 0; i < INDEXES.length; i++) {
      String pk = TableKeys.gsiPk(i + 1);
      String sk = TableKeys.gsiSk(i + 1);
      attributes.add(string(pk));
      attributes.add(string(sk));
      indexes.add(
          GlobalSecondaryIndex.builder()
              .indexName(INDEXES[i])
              .keySchema(key(pk, KeyType.HASH), key(sk, KeyType.RANGE))
              .projection(p -> p.projectionType(ProjectionType.ALL))
              .build());
    }
    client.createTable(
        b ->
            b.tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributes)
                .keySchema(key(TableKeys.PK, KeyType.HASH), key(TableKeys.SK, KeyType.RANGE))
                .globalSecondaryIndexes(indexes));
    client.waiter().waitUntilTableExists(b -> b.tableName(tableName));
    client.updateTimeToLive(
        b ->
            b.tableName(tableName)
                .timeToLiveSpecification(
                    t -> t.enabled(true).attributeName(DynamoIdempotency.TTL_ATTRIBUTE)));
  }

  private static AttributeDefinition string(String name) {
    return AttributeDefinition.builder()
        .attributeName(name)
        .attributeType(ScalarAttributeType.S)
        .build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }
}
