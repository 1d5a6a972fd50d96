package dev.fleetcheck.aws.dynamo;

import static dev.fleetcheck.aws.dynamo.Items.n;
import static dev.fleetcheck.aws.dynamo.Items.s;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.model.FailingRule;
import dev.fleetcheck.core.model.SweepEntry;
import dev.fleetcheck.core.port.Page;
import dev.fleetcheck.core.port.PageRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A repository's outcome in a sweep. The ENTRY, RULEFAIL and FAILED items are idempotent overwrites
 * written first; the count is then one conditional {@code UpdateItem} on the repository's progress
 * shard, whose name sets make a duplicate count impossible. A redelivery after a crash repeats the
 * writes and counts if the crash came before the count.
 */
final class SweepEntries {

  private static final String ENTRY = "ENTRY#";
  private static final String FAILED = "FAILED#";
  private static final String NOT_COUNTED =
      "NOT contains(#done_repos, :name) AND NOT contains(#failed_repos, :name)";

  private final DynamoTable table;
  private final DynamoSweeps sweeps;
  private final DynamoScans scans;
  private final KeyPages pages;

  SweepEntries(DynamoTable table, DynamoSweeps sweeps, DynamoScans scans, KeyPages pages) {
    this.table = table;
    this.sweeps = sweeps;
    this.scans = scans;
    this.pages = pages;
  }

  boolean record(SweepEntry entry) {
    Map<String, AttributeValue> sweep = sweeps.require(entry.sweepId());
    Map<String, AttributeValue> shard =
        Items.key(TableKeys.sweep(entry.sweepId()), shardKey(entry.repository(), sweep));
    Map<String, AttributeValue> values =
        Map.of(
            ":one", n(1),
            ":r", Items.ss(List.of(entry.repository())),
            ":name", s(entry.repository()));
    if (entry.state() == SweepEntry.State.DONE) {
      recordDone(entry);
      return table.updateIf(shard, "ADD #done :one, #done_repos :r", NOT_COUNTED, values)
          || table.updateIf(
              shard,
              "ADD #done :one, #done_repos :r, #failed :minus DELETE #failed_repos :r",
              "contains(#failed_repos, :name)",
              Map.of(
                  ":one", n(1),
                  ":minus", n(-1),
                  ":r", Items.ss(List.of(entry.repository())),
                  ":name", s(entry.repository())));
    }
    if (!recordFailed(entry)) {
      return false;
    }
    return table.updateIf(shard, "ADD #failed :one, #failed_repos :r", NOT_COUNTED, values);
  }

  private void recordDone(SweepEntry entry) {
    String pk = TableKeys.sweep(entry.sweepId());
    table.put(entryItem(entry));
    for (FailingRule rule : scans.failingRules(entry.scanId())) {
      Map<String, AttributeValue> item =
          Items.key(pk, "RULEFAIL#" + rule.ruleId() + "#" + entry.repository());
      item.put("rule_id", s(rule.ruleId()));
      item.put("repository", s(entry.repository()));
      item.put("scan_id", s(entry.scanId()));
      item.put("level", s(rule.level().id()));
      table.put(item);
    }
    table.delete(pk, FAILED + entry.repository());
  }

  /**
   * Writes the FAILED index item before the entry and takes it back when a DONE entry already
   * stands, so whatever the interleaving with a DONE writer, no stale index item survives.
   */
  private boolean recordFailed(SweepEntry entry) {
    String pk = TableKeys.sweep(entry.sweepId());
    Map<String, AttributeValue> index = Items.key(pk, FAILED + entry.repository());
    index.putAll(entryAttributes(entry));
    table.put(index);
    boolean stored =
        table.putIf(
            entryItem(entry),
            "attribute_not_exists(#PK) OR #state = :failed",
            Map.of(":failed", s(SweepEntry.State.FAILED.name())));
    if (!stored) {
      table.delete(pk, FAILED + entry.repository());
    }
    return stored;
  }

  Optional<SweepEntry> entry(String sweepId, String repository) {
    return table.get(TableKeys.sweep(sweepId), ENTRY + repository).map(SweepEntries::entry);
  }

  Page<SweepEntry> failed(String sweepId, PageRequest page) {
    KeyPages.Query query = KeyPages.Query.prefix(TableKeys.sweep(sweepId), FAILED);
    return pages.read(
        "failed|" + sweepId,
        query,
        page,
        items -> items.stream().map(SweepEntries::entry).toList());
  }

  private static String shardKey(String repository, Map<String, AttributeValue> sweep) {
    int shards = (int) Math.max(1, Items.number(sweep, "shard_count"));
    return String.format(
        Locale.ROOT, "%s%03d", DynamoSweeps.PROGRESS, Math.floorMod(repository.hashCode(), shards));
  }

  private static Map<String, AttributeValue> entryItem(SweepEntry entry) {
    Map<String, AttributeValue> item =
        Items.key(TableKeys.sweep(entry.sweepId()), ENTRY + entry.repository());
    item.putAll(entryAttributes(entry));
    return item;
  }

  private static Map<String, AttributeValue> entryAttributes(SweepEntry entry) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("sweep_id", s(entry.sweepId()));
    item.put("repository", s(entry.repository()));
    item.put("state", s(entry.state().name()));
    item.put("scan_id", s(entry.scanId()));
    entry.errorCode().ifPresent(code -> item.put("error_code", s(code.code())));
    item.put("recorded_at", s(TableKeys.time(entry.recordedAt())));
    return item;
  }

  private static SweepEntry entry(Map<String, AttributeValue> item) {
    return new SweepEntry(
        Items.string(item, "sweep_id"),
        Items.string(item, "repository"),
        SweepEntry.State.valueOf(Items.string(item, "state")),
        Items.string(item, "scan_id"),
        Items.optionalString(item, "error_code")
            .map(code -> ErrorCode.valueOf(code.toUpperCase(Locale.ROOT))),
        TableKeys.parseTime(Items.string(item, "recorded_at")));
  }
}
