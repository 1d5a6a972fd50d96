package dev.fleetcheck.core.report;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.RuleMeta;
import dev.fleetcheck.core.model.RuleResult;
import dev.fleetcheck.core.model.ScanReport;
import java.util.List;

/**
 * One CSV row per rule outcome (RFC 4180: CRLF line ends, fields quoted when needed, quotes
 * doubled). {@code path} and {@code line} are the first evidence's; {@code message} holds the first
 * message and then every further piece of evidence, one per line. Cells that a spreadsheet would
 * read as a formula get a leading apostrophe.
 */
public final class CsvReportRenderer implements ReportRenderer {

  public static final List<String> HEADER =
      List.of(
          "rule_id",
          "section",
          "level",
          "status",
          "automated",
          "kind",
          "title",
          "path",
          "line",
          "message",
          "remediation");

  @Override
  public String render(ScanReport report) {
    StringBuilder csv = new StringBuilder();
    CsvRows.append(csv, HEADER);
    for (RuleResult result : report.results()) {
      CsvRows.append(csv, cells(result));
    }
    return csv.toString();
  }

  private static List<String> cells(RuleResult result) {
    RuleMeta rule = result.rule();
    List<Evidence> evidence = result.outcome().evidence().stream().sorted().toList();
    Evidence first = evidence.isEmpty() ? null : evidence.get(0);
    StringBuilder message = new StringBuilder(first == null ? "" : first.message());
    for (Evidence more : evidence.subList(Math.min(1, evidence.size()), evidence.size())) {
      message.append('\n').append(more.describe());
    }
    return List.of(
        rule.id(),
        rule.section(),
        result.level().id(),
        result.status().name(),
        Boolean.toString(rule.automated()),
        rule.kind().id(),
        rule.title(),
        first == null ? "" : first.path(),
        first == null || !first.hasLine() ? "" : Integer.toString(first.line()),
        message.toString(),
        rule.remediation());
  }
}
