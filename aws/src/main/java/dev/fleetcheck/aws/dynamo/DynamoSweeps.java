package dev.fleetcheck.aws.dynamo;

import static dev.fleetcheck.aws.dynamo.Items.n;
import static dev.fleetcheck.aws.dynamo.Items.s;
import static dev.fleetcheck.aws.dynamo.TableKeys.gsiPk;
import static dev.fleetcheck.aws.dynamo.TableKeys.gsiSk;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.model.Level;
import dev.fleetcheck.core.model.RuleFailure;
import dev.fleetcheck.core.model.Sweep;
import dev.fleetcheck.core.model.SweepProgress;
import dev.fleetcheck.core.port.Page;
import dev.fleetcheck.core.port.PageRequest;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Sweeps and their progress. Counters live in shards of at most {@link #SHARD_SIZE} repositories
 * ({@code PROGRESS#nn}), each counted by single-item atomic updates ({@link SweepEntries}); a shard
 * appears with its first count, so a crash after the sweep item leaves nothing half made.
 */
final class DynamoSweeps {

  static final int SHARD_SIZE = 500;
  static final String PROGRESS = "PROGRESS#";
  private static final String SWEEPS = "SWEEPS";

  private final DynamoTable table;
  private final KeyPages pages;

  DynamoSweeps(DynamoTable table, KeyPages pages) {
    this.table = table;
    this.pages = pages;
  }

  boolean createSweep(Sweep sweep) {
    Map<String, AttributeValue> item = Items.key(TableKeys.sweep(sweep.sweepId()), "SWEEP");
    item.put("sweep_id", s(sweep.sweepId()));
    item.put("started_at", s(TableKeys.time(sweep.startedAt())));
    item.put("expected", n(sweep.expected()));
    item.put("rule_pack_digest", s(sweep.rulePackDigest()));
    item.put("shard_count", n(shardCount(sweep.expected())));
    item.put(gsiPk(6), s(SWEEPS));
    item.put(gsiSk(6), s(sortKey(sweep)));
    return table.putIf(item, "attribute_not_exists(#PK)", Map.of());
  }

  static int shardCount(int expected) {
    return Math.max(1, (expected + SHARD_SIZE - 1) / SHARD_SIZE);
  }

  Optional<Sweep> sweep(String sweepId) {
    return item(sweepId).map(DynamoSweeps::sweep);
  }

  /** The sweep's item, or SWEEP_NOT_FOUND. */
  Map<String, AttributeValue> require(String sweepId) {
    return item(sweepId)
        .orElseThrow(
            () -> new FleetcheckException(ErrorCode.SWEEP_NOT_FOUND, "no sweep " + sweepId));
  }

  private Optional<Map<String, AttributeValue>> item(String sweepId) {
    return table.get(TableKeys.sweep(sweepId), "SWEEP");
  }

  Page<Sweep> sweeps(PageRequest page) {
    KeyPages.Query query =
        new KeyPages.Query(
            Optional.of(TableKeys.SWEEPS_INDEX), "#gsi6pk = :pk", Map.of(":pk", s(SWEEPS)), false);
    return pages.read(
        "sweeps", query, page, items -> items.stream().map(DynamoSweeps::sweep).toList());
  }

  Optional<Sweep> previousSweep(String sweepId) {
    Optional<Sweep> current = sweep(sweepId);
    if (current.isEmpty()) {
      return Optional.empty();
    }
    QueryResponse before =
        table.query(
            Optional.of(TableKeys.SWEEPS_INDEX),
            "#gsi6pk = :pk AND #gsi6sk < :sk",
            Map.of(":pk", s(SWEEPS), ":sk", s(sortKey(current.get()))),
            false,
            1,
            Optional.empty());
    return before.items().stream().findFirst().map(DynamoSweeps::sweep);
  }

  SweepProgress progress(String sweepId) {
    Map<String, AttributeValue> sweep = require(sweepId);
    long done = 0;
    long failed = 0;
    for (Map<String, AttributeValue> shard :
        table.queryAll(
            "#PK = :pk AND begins_with(#SK, :prefix)",
            Map.of(":pk", s(TableKeys.sweep(sweepId)), ":prefix", s(PROGRESS)))) {
      done += Items.number(shard, "done");
      failed += Items.number(shard, "failed");
    }
    return new SweepProgress(
        sweepId, (int) Items.number(sweep, "expected"), (int) done, (int) failed);
  }

  Page<RuleFailure> ruleFailures(String sweepId, Optional<String> ruleId, PageRequest page) {
    String prefix = "RULEFAIL#" + ruleId.map(r -> r + "#").orElse("");
    KeyPages.Query query = KeyPages.Query.prefix(TableKeys.sweep(sweepId), prefix);
    return pages.read(
        "rule-failures|" + sweepId + "|" + ruleId.orElse("*"),
        query,
        page,
        items ->
            items.stream()
                .map(
                    i ->
                        new RuleFailure(
                            Items.string(i, "rule_id"),
                            Items.string(i, "repository"),
                            Items.string(i, "scan_id"),
                            Level.fromId(Items.string(i, "level"))))
                .toList());
  }

  private static String sortKey(Sweep sweep) {
    return TableKeys.time(sweep.startedAt()) + "#" + sweep.sweepId();
  }

  private static Sweep sweep(Map<String, AttributeValue> item) {
    return new Sweep(
        Items.string(item, "sweep_id"),
        TableKeys.parseTime(Items.string(item, "started_at")),
        (int) Items.number(item, "expected"),
        Items.string(item, "rule_pack_digest"));
  }
}
