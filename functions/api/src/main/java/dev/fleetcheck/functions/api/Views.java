package dev.fleetcheck.functions.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetcheck.core.catalogue.CatalogueEntry;
import dev.fleetcheck.core.fleet.CompareSweeps;
import dev.fleetcheck.core.fleet.FleetExports;
import dev.fleetcheck.core.fleet.FleetQueries;
import dev.fleetcheck.core.model.FailingRule;
import dev.fleetcheck.core.model.Finding;
import dev.fleetcheck.core.model.LatestFilter;
import dev.fleetcheck.core.model.RuleFailure;
import dev.fleetcheck.core.model.ScanOutcome;
import dev.fleetcheck.core.model.ScanRecord;
import dev.fleetcheck.core.model.Sweep;
import dev.fleetcheck.core.model.SweepEntry;
import dev.fleetcheck.core.model.SweepProgress;
import dev.fleetcheck.core.port.Page;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/** The JSON the API answers with: snake_case fields, pages as {items, next_cursor}. */
final class Views {

  private Views() {}

  static <T> ObjectNode page(Page<T> page, BiConsumer<ObjectNode, T> view) {
    ObjectNode body = ApiReply.JSON.createObjectNode();
    ArrayNode items = body.putArray("items");
    page.items().forEach(item -> view.accept(items.addObject(), item));
    body.put("next_cursor", page.next().orElse(null));
    return body;
  }

  static void scan(ObjectNode node, ScanRecord scan) {
    node.put("scan_id", scan.scanId());
    node.put("repository", scan.repository());
    node.put("team", scan.team());
    node.put("commit", scan.commit());
    node.put("rule_pack_digest", scan.rulePackDigest());
    node.put("sweep_id", scan.sweepId());
    node.put("scanned_at", scan.scannedAt().toString());
    if (scan.outcome() instanceof ScanOutcome.Succeeded ok) {
      node.put("status", "succeeded");
      node.put("score", ok.score());
      node.put("band", ok.band().id());
      ObjectNode counts = node.putObject("counts");
      ok.counts()
          .forEach(
              (status, count) ->
                  counts.put(status.name().toLowerCase(java.util.Locale.ROOT), count));
      ArrayNode failing = node.putArray("failing_rules");
      ok.failingRules().forEach(failing::add);
    } else if (scan.outcome() instanceof ScanOutcome.Failed failed) {
      node.put("status", "failed");
      node.put("error_code", failed.errorCode().code());
      node.put("message", failed.message());
    }
  }

  static ObjectNode scanDetails(FleetQueries.ScanDetails details) {
    ObjectNode node = ApiReply.JSON.createObjectNode();
    scan(node, details.scan());
    ArrayNode rules = node.putArray("failing_rule_details");
    for (FailingRule rule : details.failingRules()) {
      ObjectNode r = rules.addObject();
      r.put("rule_id", rule.ruleId());
      r.put("level", rule.level().id());
      r.put("finding_count", rule.findingCount());
      ArrayNode findings = r.putArray("findings");
      for (Finding f : rule.findings()) {
        findings
            .addObject()
            .put("fingerprint", f.fingerprint())
            .put("path", f.path())
            .put("line", f.line())
            .put("message", f.message())
            .put("first_seen_at", f.firstSeenAt().toString());
      }
    }
    return node;
  }

  static void ruleFailure(ObjectNode node, RuleFailure failure) {
    node.put("rule_id", failure.ruleId());
    node.put("repository", failure.repository());
    node.put("scan_id", failure.scanId());
    node.put("level", failure.level().id());
  }

  static ObjectNode sweep(
      Sweep sweep,
      SweepProgress progress,
      Page<SweepEntry> failed,
      CompareSweeps.SweepChanges changes) {
    ObjectNode node = ApiReply.JSON.createObjectNode();
    node.put("sweep_id", sweep.sweepId());
    node.put("started_at", sweep.startedAt().toString());
    node.put("rule_pack_digest", sweep.rulePackDigest());
    node.put("expected", progress.expected());
    node.put("done", progress.done());
    node.put("failed", progress.failed());
    node.put("pending", progress.pending());
    node.put("complete", progress.complete());
    ArrayNode entries = node.putArray("failures");
    for (SweepEntry entry : failed.items()) {
      entries
          .addObject()
          .put("repository", entry.repository())
          .put("scan_id", entry.scanId())
          .put("error_code", entry.errorCode().map(c -> c.code()).orElse(null))
          .put("recorded_at", entry.recordedAt().toString());
    }
    node.put("failures_next_cursor", failed.next().orElse(null));
    node.set("comparison", comparison(changes));
    return node;
  }

  /**
   * The changes since the previous sweep, counted per rule (bounded by the rule pack, whatever the
   * fleet's size); the repositories behind each count are a {@code GET /v1/findings} away.
   */
  private static ObjectNode comparison(CompareSweeps.SweepChanges changes) {
    ObjectNode node = ApiReply.JSON.createObjectNode();
    node.put("previous_sweep_id", changes.previousSweepId().orElse(null));
    Map<String, int[]> byRule = new TreeMap<>();
    int newFailures = 0;
    int fixed = 0;
    for (CompareSweeps.RepositoryChanges change : changes.repositories()) {
      for (String rule : change.newFailures()) {
        byRule.computeIfAbsent(rule, r -> new int[2])[0]++;
        newFailures++;
      }
      for (String rule : change.fixed()) {
        byRule.computeIfAbsent(rule, r -> new int[2])[1]++;
        fixed++;
      }
    }
    node.put("repositories_changed", changes.repositories().size());
    node.put("new_failures", newFailures);
    node.put("fixed", fixed);
    ArrayNode rules = node.putArray("by_rule");
    byRule.forEach(
        (rule, counts) ->
            rules
                .addObject()
                .put("rule_id", rule)
                .put("new_failures", counts[0])
                .put("fixed", counts[1]));
    return node;
  }

  static ObjectNode export(FleetExports.Export export) {
    ObjectNode node = ApiReply.JSON.createObjectNode();
    node.put("export_id", export.exportId());
    node.put("status", "ready");
    node.put("format", export.request().format().id());
    node.put("sweep_id", export.sweepId());
    ObjectNode filters = node.putObject("filters");
    LatestFilter filter = export.request().filter();
    filter.team().ifPresent(t -> filters.put("team", t));
    filter.band().ifPresent(b -> filters.put("band", b.id()));
    filter.failingRule().ifPresent(r -> filters.put("rule", r));
    node.put("created_at", export.createdAt().toString());
    return node;
  }

  static ObjectNode rules(List<CatalogueEntry> entries) {
    ObjectNode body = ApiReply.JSON.createObjectNode();
    ArrayNode items = body.putArray("items");
    for (CatalogueEntry e : entries) {
      items
          .addObject()
          .put("rule_id", e.id())
          .put("section", e.section())
          .put("level", e.level().id())
          .put("title", e.title());
    }
    return body;
  }
}
