package dev.fleetcheck.aws.dynamo;

import static dev.fleetcheck.aws.dynamo.Items.s;
import static dev.fleetcheck.aws.dynamo.TableKeys.gsiPk;
import static dev.fleetcheck.aws.dynamo.TableKeys.gsiSk;

import dev.fleetcheck.core.model.FailingRule;
import dev.fleetcheck.core.model.LatestFilter;
import dev.fleetcheck.core.model.ScanOutcome;
import dev.fleetcheck.core.model.ScanRecord;
import dev.fleetcheck.core.port.Page;
import dev.fleetcheck.core.port.PageRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Scans, their failing rules, each repository's history and latest result. A scan is one
 * conditional put; the items that follow it (failing rules, LATEST, LATESTFAIL) are idempotent
 * "newer wins" writes, so a retry after a crash completes them and never rolls anything back.
 */
final class DynamoScans {

  private static final String NEWER_WINS =
      "attribute_not_exists(#PK) OR #scanned_at < :t OR (#scanned_at = :t AND #scan_id <= :id)";
  private static final String LATEST = "LATEST";
  private static final String LATEST_FAIL = "LATESTFAIL#";

  private final DynamoTable table;
  private final KeyPages pages;

  DynamoScans(DynamoTable table, KeyPages pages) {
    this.table = table;
    this.pages = pages;
  }

  boolean putScan(ScanRecord scan, List<FailingRule> failingRules) {
    Map<String, AttributeValue> item = ScanItems.attributes(scan);
    item.putAll(Items.key(TableKeys.scan(scan.scanId()), "SCAN"));
    item.put(gsiPk(1), s("HIST#" + scan.repository()));
    item.put(gsiSk(1), s(TableKeys.time(scan.scannedAt()) + "#" + scan.scanId()));
    boolean stored = table.putIf(item, "attribute_not_exists(#PK)", Map.of());
    if (!stored && !scan(scan.scanId()).map(scan::equals).orElse(false)) {
      return false;
    }
    // Either this call stored the scan, or it repeats the write that did: finish the steps.
    for (FailingRule rule : failingRules) {
      table.put(ScanItems.failingRule(scan.scanId(), rule));
    }
    if (scan.outcome() instanceof ScanOutcome.Succeeded succeeded) {
      updateLatest(scan, succeeded);
    }
    return stored;
  }

  private void updateLatest(ScanRecord scan, ScanOutcome.Succeeded succeeded) {
    Map<String, AttributeValue> newer = newerValues(scan);
    Map<String, AttributeValue> latest = ScanItems.attributes(scan);
    latest.putAll(Items.key(TableKeys.repo(scan.repository()), LATEST));
    latest.put(gsiPk(2), s(LATEST));
    latest.put(gsiSk(2), s(scan.repository()));
    latest.put(gsiPk(3), s("TEAM#" + scan.team()));
    latest.put(gsiSk(3), s(scan.repository()));
    latest.put(gsiPk(4), s("BAND#" + succeeded.band().id()));
    latest.put(gsiSk(4), s(scan.repository()));
    if (!table.putIf(latest, NEWER_WINS, newer)) {
      return;
    }
    Set<String> failing = new HashSet<>(succeeded.failingRules());
    for (String rule : failing) {
      Map<String, AttributeValue> item =
          Items.key(TableKeys.repo(scan.repository()), LATEST_FAIL + rule);
      item.put("scan_id", s(scan.scanId()));
      item.put("scanned_at", s(TableKeys.time(scan.scannedAt())));
      item.put("repository", s(scan.repository()));
      item.put(gsiPk(5), s("LATESTRULE#" + rule));
      item.put(gsiSk(5), s(scan.repository()));
      table.putIf(item, NEWER_WINS, newer);
    }
    for (Map<String, AttributeValue> old :
        table.queryAll(
            "#PK = :pk AND begins_with(#SK, :prefix)",
            Map.of(":pk", s(TableKeys.repo(scan.repository())), ":prefix", s(LATEST_FAIL)))) {
      String rule = Items.string(old, TableKeys.SK).substring(LATEST_FAIL.length());
      if (!failing.contains(rule)) {
        // Only an older scan's rule goes: a newer writer's items stay whatever the interleaving.
        table.deleteIf(
            TableKeys.repo(scan.repository()),
            LATEST_FAIL + rule,
            "#scanned_at < :t OR (#scanned_at = :t AND #scan_id < :id)",
            newer);
      }
    }
  }

  private static Map<String, AttributeValue> newerValues(ScanRecord scan) {
    return Map.of(":t", s(TableKeys.time(scan.scannedAt())), ":id", s(scan.scanId()));
  }

  Optional<ScanRecord> scan(String scanId) {
    return table.get(TableKeys.scan(scanId), "SCAN").map(ScanItems::record);
  }

  List<FailingRule> failingRules(String scanId) {
    List<FailingRule> rules = new ArrayList<>();
    for (Map<String, AttributeValue> item :
        table.queryAll(
            "#PK = :pk AND begins_with(#SK, :prefix)",
            Map.of(":pk", s(TableKeys.scan(scanId)), ":prefix", s("FAIL#")))) {
      rules.add(ScanItems.failingRule(item));
    }
    rules.sort(Comparator.comparing(FailingRule::ruleId));
    return rules;
  }

  Page<ScanRecord> history(String repository, PageRequest page) {
    KeyPages.Query query =
        new KeyPages.Query(
            Optional.of(TableKeys.HISTORY_INDEX),
            "#gsi1pk = :pk",
            Map.of(":pk", s("HIST#" + repository)),
            false);
    return pages.read(
        "history|" + repository,
        query,
        page,
        items -> items.stream().map(ScanItems::record).toList());
  }

  /**
   * The most selective filter picks the index (rule, then team, then band, then all); the others
   * are checked on the items read. Items of the rule index point at a scan, and count only while
   * that scan is still the repository's latest.
   */
  Page<ScanRecord> latest(LatestFilter filter, PageRequest page) {
    String scope = "latest|" + filter.scope();
    if (filter.failingRule().isPresent()) {
      KeyPages.Query query =
          new KeyPages.Query(
              Optional.of(TableKeys.RULE_INDEX),
              "#gsi5pk = :pk",
              Map.of(":pk", s("LATESTRULE#" + filter.failingRule().get())),
              true);
      return pages.read(scope, query, page, items -> stillLatest(items, filter));
    }
    KeyPages.Query query;
    if (filter.team().isPresent()) {
      query = indexQuery(TableKeys.TEAM_INDEX, 3, "TEAM#" + filter.team().get());
    } else if (filter.band().isPresent()) {
      query = indexQuery(TableKeys.BAND_INDEX, 4, "BAND#" + filter.band().get().id());
    } else {
      query = indexQuery(TableKeys.LATEST_INDEX, 2, LATEST);
    }
    return pages.read(
        scope,
        query,
        page,
        items -> items.stream().map(ScanItems::record).filter(r -> admits(filter, r)).toList());
  }

  private static KeyPages.Query indexQuery(String index, int number, String partition) {
    return new KeyPages.Query(
        Optional.of(index), "#" + gsiPk(number) + " = :pk", Map.of(":pk", s(partition)), true);
  }

  private List<ScanRecord> stillLatest(
      List<Map<String, AttributeValue>> ruleItems, LatestFilter filter) {
    List<Map<String, AttributeValue>> keys =
        ruleItems.stream()
            .map(i -> Items.key(TableKeys.repo(Items.string(i, "repository")), LATEST))
            .toList();
    Map<String, ScanRecord> latestByRepository = new HashMap<>();
    for (Map<String, AttributeValue> item : table.batchGet(keys)) {
      ScanRecord record = ScanItems.record(item);
      latestByRepository.put(record.repository(), record);
    }
    List<ScanRecord> kept = new ArrayList<>();
    for (Map<String, AttributeValue> ruleItem : ruleItems) {
      ScanRecord latest = latestByRepository.get(Items.string(ruleItem, "repository"));
      if (latest != null
          && latest.scanId().equals(Items.string(ruleItem, "scan_id"))
          && admits(filter, latest)) {
        kept.add(latest);
      }
    }
    return kept;
  }

  private static boolean admits(LatestFilter filter, ScanRecord record) {
    if (!(record.outcome() instanceof ScanOutcome.Succeeded succeeded)) {
      return false;
    }
    return filter.team().map(record.team()::equals).orElse(true)
        && filter.band().map(b -> b == succeeded.band()).orElse(true)
        && filter.failingRule().map(succeeded.failingRules()::contains).orElse(true);
  }
}
