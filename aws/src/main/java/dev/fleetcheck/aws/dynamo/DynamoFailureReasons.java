package dev.fleetcheck.aws.dynamo;

import static dev.fleetcheck.aws.dynamo.Items.n;
import static dev.fleetcheck.aws.dynamo.Items.s;

import dev.fleetcheck.aws.sqs.FailureReasons;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The last failure reason of each SQS message, one item per message ({@code MESSAGE#<id>}) in the
 * result table, expiring with SQS's longest retention so the table never keeps them longer than the
 * messages they explain.
 */
public final class DynamoFailureReasons implements FailureReasons {

  static final Duration RETENTION = Duration.ofDays(14);

  private final DynamoTable table;
  private final Clock clock;

  public DynamoFailureReasons(DynamoDbClient client, String tableName, Clock clock) {
    this.table = new DynamoTable(client, tableName);
    this.clock = clock;
  }

  @Override
  public void record(String messageId, String reason) {
    Map<String, AttributeValue> item = Items.key("MESSAGE#" + messageId, "LASTFAILURE");
    item.put("reason", s(reason));
    item.put("recorded_at", s(TableKeys.time(clock.instant())));
    item.put(DynamoIdempotency.TTL_ATTRIBUTE, n(clock.instant().plus(RETENTION).getEpochSecond()));
    table.put(item);
  }

  @Override
  public Optional<String> lastReason(String messageId) {
    return table
        .get("MESSAGE#" + messageId, "LASTFAILURE")
        .map(item -> Items.string(item, "reason"));
  }
}
