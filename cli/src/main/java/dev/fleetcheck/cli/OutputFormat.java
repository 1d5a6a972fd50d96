package dev.fleetcheck.cli;

import dev.fleetcheck.core.model.ScanReport;
import dev.fleetcheck.core.report.CsvReportRenderer;
import dev.fleetcheck.core.report.JsonReportRenderer;
import dev.fleetcheck.core.report.MarkdownReportRenderer;
import dev.fleetcheck.core.report.SarifAnchor;
import dev.fleetcheck.core.report.SarifReportRenderer;
import dev.fleetcheck.core.report.TextReportRenderer;
import dev.fleetcheck.core.snapshot.RepoSnapshot;
import java.util.Locale;

/** The report formats of {@code scan --format}. */
public enum OutputFormat {
  TEXT,
  JSON,
  SARIF,
  CSV,
  MARKDOWN;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Renders {@code report}; the snapshot tells SARIF where repository-wide findings point. */
  public String render(ScanReport report, RepoSnapshot snapshot) {
    return switch (this) {
      case TEXT -> new TextReportRenderer().render(report);
      case JSON -> new JsonReportRenderer().render(report);
      case SARIF -> new SarifReportRenderer(SarifAnchor.choose(snapshot.paths())).render(report);
      case CSV -> new CsvReportRenderer().render(report);
      case MARKDOWN -> new MarkdownReportRenderer().render(report);
    };
  }
}
