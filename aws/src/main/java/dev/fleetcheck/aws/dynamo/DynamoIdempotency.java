package dev.fleetcheck.aws.dynamo;

import static dev.fleetcheck.aws.dynamo.Items.n;
import static dev.fleetcheck.aws.dynamo.Items.s;

import dev.fleetcheck.core.model.IdempotencyClaim;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Idempotency keys, each one item changed only by conditional writes: a claim takes a free, expired
 * or stale PENDING key; QUEUED and release apply only to the PENDING claim of one job. The {@code
 * ttl} attribute (epoch seconds) lets DynamoDB's TTL delete expired keys; until it does, the
 * claim's condition on {@code expires_at} already treats them as free.
 */
final class DynamoIdempotency {

  /** The attribute the table's TTL setting names. */
  static final String TTL_ATTRIBUTE = "ttl";

  private static final String SK = "KEY";
  private static final String OWNED_PENDING = "#state = :pending AND #job_id = :job";

  private final DynamoTable table;

  DynamoIdempotency(DynamoTable table) {
    this.table = table;
  }

  Optional<IdempotencyClaim> claim(
      IdempotencyClaim claim, Instant now, Instant stalePendingBefore) {
    Map<String, AttributeValue> item = Items.key(TableKeys.idempotency(claim.key()), SK);
    item.put("key", s(claim.key()));
    item.put("request_hash", s(claim.requestHash()));
    item.put("job_id", s(claim.jobId()));
    item.put("state", s(claim.state().name()));
    item.put("claimed_at", s(TableKeys.time(claim.claimedAt())));
    item.put("expires_at", s(TableKeys.time(claim.expiresAt())));
    item.put(TTL_ATTRIBUTE, n(claim.expiresAt().getEpochSecond()));
    boolean claimed =
        table.putIf(
            item,
            "attribute_not_exists(#PK) OR #expires_at <= :now"
                + " OR (#state = :pending AND #claimed_at < :stale)",
            Map.of(
                ":now", s(TableKeys.time(now)),
                ":pending", s(IdempotencyClaim.State.PENDING.name()),
                ":stale", s(TableKeys.time(stalePendingBefore))));
    if (claimed) {
      return Optional.empty();
    }
    return table.get(TableKeys.idempotency(claim.key()), SK).map(DynamoIdempotency::claim);
  }

  boolean markQueued(String key, String jobId) {
    return table.updateIf(
        Items.key(TableKeys.idempotency(key), SK),
        "SET #state = :queued",
        OWNED_PENDING,
        Map.of(
            ":queued", s(IdempotencyClaim.State.QUEUED.name()),
            ":pending", s(IdempotencyClaim.State.PENDING.name()),
            ":job", s(jobId)));
  }

  void release(String key, String jobId) {
    table.deleteIf(
        TableKeys.idempotency(key),
        SK,
        OWNED_PENDING,
        Map.of(":pending", s(IdempotencyClaim.State.PENDING.name()), ":job", s(jobId)));
  }

  private static IdempotencyClaim claim(Map<String, AttributeValue> item) {
    return new IdempotencyClaim(
        Items.string(item, "key"),
        Items.string(item, "request_hash"),
        Items.string(item, "job_id"),
        IdempotencyClaim.State.valueOf(Items.string(item, "state")),
        TableKeys.parseTime(Items.string(item, "claimed_at")),
        TableKeys.parseTime(Items.string(item, "expires_at")));
  }
}
