package dev.fleetcheck.core.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.RuleKind;
import dev.fleetcheck.core.model.RuleMeta;
import dev.fleetcheck.core.model.RuleResult;
import dev.fleetcheck.core.model.ScanReport;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.model.Waiver;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The full report as JSON (schema: {@code docs/report.schema.json}). Field names are snake_case and
 * appear in a fixed order; results keep the report's rule order; evidence is sorted. Every rule's
 * metadata is written out, so {@link JsonReportReader} restores the report exactly.
 */
public final class JsonReportRenderer implements ReportRenderer {

  @Override
  public String render(ScanReport report) {
    return JsonOutput.write(toJson(report));
  }

  /** The report as a JSON tree, for callers that embed it in a larger document. */
  public ObjectNode toJson(ScanReport report) {
    ObjectNode root = JsonOutput.MAPPER.createObjectNode();
    root.put("report_version", ReportFields.REPORT_VERSION);
    root.put("tool_version", report.toolVersion());
    root.put("standard_version", report.standardVersion());
    root.put("rule_pack_digest", report.rulePackDigest());
    ObjectNode repository = root.putObject("repository");
    repository.put("name", report.repository().name());
    repository.put("source", report.repository().source());
    repository.put("commit", report.repository().commit());
    root.put("scanned_at", report.scannedAt().toString());
    strings(root.putArray("profiles"), ReportFields.profileIds(report.profiles()));
    root.put("python_project", report.pythonProject());
    ObjectNode score = root.putObject("score");
    if (report.pythonProject()) {
      score.put("value", report.score().value());
    } else {
      score.putNull("value");
    }
    score.put("earned_weight", report.score().earnedWeight());
    score.put("possible_weight", report.score().possibleWeight());
    ObjectNode counts = root.putObject("counts");
    for (Map.Entry<Status, Integer> count : report.counts().entrySet()) {
      counts.put(ReportFields.countKey(count.getKey()), count.getValue());
    }
    ObjectNode kinds = root.putObject("kinds");
    for (Map.Entry<RuleKind, Integer> count : report.kindCounts().entrySet()) {
      kinds.put(count.getKey().id(), count.getValue());
    }
    ArrayNode results = root.putArray("results");
    for (RuleResult result : report.results()) {
      results.add(result(result));
    }
    evidence(root.putArray("notes"), report.notes());
    return root;
  }

  private static ObjectNode result(RuleResult result) {
    RuleMeta rule = result.rule();
    ObjectNode node = JsonOutput.MAPPER.createObjectNode();
    node.put("rule_id", rule.id());
    node.put("section", rule.section());
    node.put("title", rule.title());
    node.put("level", result.level().id());
    node.put("catalogued_level", rule.level().id());
    strings(node.putArray("profiles"), ReportFields.profileIds(rule.profiles()));
    node.put("kind", rule.kind().id());
    node.put("automated", rule.automated());
    node.put("status", result.status().name());
    evidence(node.putArray("evidence"), result.outcome().evidence());
    node.put("remediation", rule.remediation());
    if (result.outcome() instanceof Outcome.Waived waived) {
      node.set("waiver", waiver(waived.waiver()));
    }
    return node;
  }

  private static ObjectNode waiver(Waiver waiver) {
    ObjectNode node = JsonOutput.MAPPER.createObjectNode();
    node.put("path", waiver.path());
    strings(node.putArray("rule_ids"), waiver.ruleIds());
    node.put("expires", waiver.expires().toString());
    node.put("rationale", waiver.rationale());
    return node;
  }

  private static void evidence(ArrayNode array, Collection<Evidence> evidence) {
    for (Evidence item : evidence.stream().sorted().toList()) {
      ObjectNode node = array.addObject();
      node.put("path", item.path());
      node.put("line", item.line());
      node.put("message", item.message());
    }
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
