package dev.fleetcheck.aws.dynamo;

import static dev.fleetcheck.aws.dynamo.Items.decimal;
import static dev.fleetcheck.aws.dynamo.Items.n;
import static dev.fleetcheck.aws.dynamo.Items.number;
import static dev.fleetcheck.aws.dynamo.Items.s;
import static dev.fleetcheck.aws.dynamo.Items.string;
import static dev.fleetcheck.aws.dynamo.Items.strings;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.model.FailingRule;
import dev.fleetcheck.core.model.Finding;
import dev.fleetcheck.core.model.Level;
import dev.fleetcheck.core.model.ScanOutcome;
import dev.fleetcheck.core.model.ScanRecord;
import dev.fleetcheck.core.model.Status;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A scan record and its failing rules as table attributes, and back. */
final class ScanItems {

  static final String SUCCEEDED = "succeeded";
  static final String FAILED = "failed";

  private ScanItems() {}

  /** The scan's own attributes, shared by the SCAN item and the repository's LATEST item. */
  static Map<String, AttributeValue> attributes(ScanRecord scan) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("scan_id", s(scan.scanId()));
    item.put("repository", s(scan.repository()));
    item.put("team", s(scan.team()));
    item.put("source", s(scan.source()));
    item.put("commit", s(scan.commit()));
    item.put("rule_pack_digest", s(scan.rulePackDigest()));
    item.put("sweep_id", s(scan.sweepId()));
    item.put("scanned_at", s(TableKeys.time(scan.scannedAt())));
    if (scan.outcome() instanceof ScanOutcome.Succeeded ok) {
      item.put("status", s(SUCCEEDED));
      item.put("score", n(ok.score()));
      item.put("band", s(ok.band().id()));
      Map<String, AttributeValue> counts = new HashMap<>();
      ok.counts().forEach((status, count) -> counts.put(status.name(), n(count)));
      item.put("counts", AttributeValue.fromM(counts));
      if (!ok.failingRules().isEmpty()) {
        item.put("failing_rules", Items.ss(ok.failingRules()));
      }
      item.put("report_key", s(ok.reportKey()));
      ok.validUntil().ifPresent(until -> item.put("valid_until", s(TableKeys.time(until))));
    } else if (scan.outcome() instanceof ScanOutcome.Failed failed) {
      item.put("status", s(FAILED));
      item.put("error_code", s(failed.errorCode().code()));
      item.put("error_message", s(failed.message()));
    }
    return item;
  }

  static ScanRecord record(Map<String, AttributeValue> item) {
    ScanOutcome outcome;
    if (SUCCEEDED.equals(string(item, "status"))) {
      Map<Status, Integer> counts = new EnumMap<>(Status.class);
      item.getOrDefault("counts", AttributeValue.fromM(Map.of()))
          .m()
          .forEach(
              (status, count) -> counts.put(Status.valueOf(status), Integer.valueOf(count.n())));
      outcome =
          new ScanOutcome.Succeeded(
              decimal(item, "score"),
              counts,
              strings(item, "failing_rules"),
              string(item, "report_key"),
              Items.optionalString(item, "valid_until").map(TableKeys::parseTime));
    } else {
      outcome =
          new ScanOutcome.Failed(
              ErrorCode.valueOf(string(item, "error_code").toUpperCase(Locale.ROOT)),
              string(item, "error_message"));
    }
    return new ScanRecord(
        string(item, "scan_id"),
        string(item, "repository"),
        string(item, "team"),
        string(item, "source"),
        string(item, "commit"),
        string(item, "rule_pack_digest"),
        string(item, "sweep_id"),
        TableKeys.parseTime(string(item, "scanned_at")),
        outcome);
  }

  static Map<String, AttributeValue> failingRule(String scanId, FailingRule rule) {
    Map<String, AttributeValue> item = Items.key(TableKeys.scan(scanId), "FAIL#" + rule.ruleId());
    item.put("rule_id", s(rule.ruleId()));
    item.put("level", s(rule.level().id()));
    item.put("finding_count", n(rule.findingCount()));
    List<AttributeValue> findings = new ArrayList<>();
    for (Finding finding : rule.findings()) {
      findings.add(
          AttributeValue.fromM(
              Map.of(
                  "fingerprint", s(finding.fingerprint()),
                  "path", s(finding.path()),
                  "line", n(finding.line()),
                  "message", s(finding.message()),
                  "first_seen_at", s(TableKeys.time(finding.firstSeenAt())),
                  "first_scan_id", s(finding.firstScanId()))));
    }
    item.put("findings", AttributeValue.fromL(findings));
    return item;
  }

  static FailingRule failingRule(Map<String, AttributeValue> item) {
    List<Finding> findings = new ArrayList<>();
    for (AttributeValue value : item.get("findings").l()) {
      Map<String, AttributeValue> f = value.m();
      findings.add(
          new Finding(
              string(f, "fingerprint"),
              string(f, "path"),
              (int) number(f, "line"),
              string(f, "message"),
              TableKeys.parseTime(string(f, "first_seen_at")),
              string(f, "first_scan_id")));
    }
    return new FailingRule(
        string(item, "rule_id"),
        Level.fromId(string(item, "level")),
        (int) number(item, "finding_count"),
        findings);
  }
}
