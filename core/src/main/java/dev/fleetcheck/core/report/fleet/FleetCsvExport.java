package dev.fleetcheck.core.report.fleet;

import dev.fleetcheck.core.report.CsvRows;
import dev.fleetcheck.core.report.fleet.FleetReportData.FailedRule;
import dev.fleetcheck.core.report.fleet.FleetReportData.FindingDetail;
import dev.fleetcheck.core.report.fleet.FleetReportData.RepositoryResult;
import dev.fleetcheck.core.report.fleet.FleetReportData.RuleInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fleet report as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or
 * line break): one row per repository, failing rule and finding. A failed scan is one row with its
 * error code; a scanned repository without failing rules is one row with empty rule columns, so
 * every repository of the sweep appears.
 *
 * <p>Cells that a spreadsheet would read as a formula (starting with =, +, -, @, tab or carriage
 * return) are prefixed with an apostrophe: repository names and evidence come from the scanned
 * repositories, which the reader of the sheet does not control.
 */
public final class FleetCsvExport implements FleetRenderer {

  public static final List<String> COLUMNS =
      List.of(
          "sweep_id",
          "repository",
          "team",
          "source",
          "scan_id",
          "scan_status",
          "commit",
          "score",
          "band",
          "error_code",
          "error_message",
          "rule_id",
          "rule_title",
          "level",
          "new_failure",
          "finding_count",
          "path",
          "line",
          "message",
          "finding_status",
          "first_seen_at",
          "fingerprint",
          "remediation");

  private static final String CRLF = "\r\n";

  @Override
  public String render(FleetReportData data) {
    StringBuilder csv = new StringBuilder();
    CsvRows.append(csv, COLUMNS);
    String sweepId = data.sweep().sweepId();
    for (RepositoryResult repository : data.repositories()) {
      if (repository instanceof RepositoryResult.Failed failed) {
        Row row = repositoryRow(sweepId, failed);
        row.set("scan_status", "failed");
        row.set("error_code", failed.errorCode().code());
        row.set("error_message", failed.message());
        CsvRows.append(csv, row.cells());
        continue;
      }
      RepositoryResult.Scanned scanned = (RepositoryResult.Scanned) repository;
      if (scanned.failingRules().isEmpty()) {
        CsvRows.append(csv, scannedRow(sweepId, scanned).cells());
        continue;
      }
      for (FailedRule rule : scanned.failingRules()) {
        RuleInfo info = data.rule(rule.ruleId());
        List<FindingDetail> findings = rule.findings();
        for (int i = 0; i < Math.max(1, findings.size()); i++) {
          Row row = scannedRow(sweepId, scanned);
          row.set("rule_id", rule.ruleId());
          row.set("rule_title", info.title());
          row.set("level", rule.level().id());
          row.set("new_failure", Boolean.toString(rule.isNew()));
          row.set("finding_count", Integer.toString(rule.findingCount()));
          if (!findings.isEmpty()) {
            FindingDetail finding = findings.get(i);
            row.set("path", finding.path());
            row.set("line", finding.line() > 0 ? Integer.toString(finding.line()) : "");
            row.set("message", finding.message());
            row.set("finding_status", finding.status().id());
            row.set("first_seen_at", finding.firstSeenAt().toString());
            row.set("fingerprint", finding.fingerprint());
          }
          row.set("remediation", info.remediation());
          CsvRows.append(csv, row.cells());
        }
      }
    }
    return csv.toString();
  }

  /** One line's cells by column name, every column present and empty until set. */
  private static final class Row {
    private final Map<String, String> cells = new LinkedHashMap<>();

    Row() {
      COLUMNS.forEach(column -> cells.put(column, ""));
    }

    void set(String column, String value) {
      if (!cells.containsKey(column)) {
        throw new IllegalArgumentException("no CSV column " + column);
      }
      cells.put(column, value);
    }

    List<String> cells() {
      return List.copyOf(cells.values());
    }
  }

  private static Row repositoryRow(String sweepId, RepositoryResult repository) {
    Row row = new Row();
    row.set("sweep_id", sweepId);
    row.set("repository", repository.name());
    row.set("team", repository.team());
    row.set("source", repository.source());
    row.set("scan_id", repository.scanId());
    return row;
  }

  private static Row scannedRow(String sweepId, RepositoryResult.Scanned scanned) {
    Row row = repositoryRow(sweepId, scanned);
    row.set("scan_status", "scanned");
    row.set("commit", scanned.commit());
    row.set("score", ReportText.decimal(scanned.score()));
    row.set("band", scanned.band().id());
    return row;
  }
}
