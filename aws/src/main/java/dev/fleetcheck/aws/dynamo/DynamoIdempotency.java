package dev.fleetcheck.aws.dynamo;

import static dev.fleetcheck.aws.dynamo.Items.n;
import static dev.fleetcheck.aws.dynamo.Items.s;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Idempotency keys: one conditional put claims a free or expired key. The {@code ttl} attribute
 * (epoch seconds) lets DynamoDB's TTL delete expired keys; until it does, the condition on {@code
 * expires_at} already treats them as free.
 */
final class DynamoIdempotency {

  /** The attribute the table's TTL setting names. */
  static final String TTL_ATTRIBUTE = "ttl";

  private final DynamoTable table;

  DynamoIdempotency(DynamoTable table) {
    this.table = table;
  }

  Optional<String> claim(String key, String value, Instant now, Instant expiresAt) {
    Map<String, AttributeValue> item = Items.key(TableKeys.idempotency(key), "KEY");
    item.put("value", s(value));
    item.put("expires_at", s(TableKeys.time(expiresAt)));
    item.put(TTL_ATTRIBUTE, n(expiresAt.getEpochSecond()));
    boolean claimed =
        table.putIf(
            item,
            "attribute_not_exists(#PK) OR #expires_at < :now",
            Map.of(":now", s(TableKeys.time(now))));
    if (claimed) {
      return Optional.empty();
    }
    return table.get(TableKeys.idempotency(key), "KEY").map(held -> Items.string(held, "value"));
  }
}
