package dev.fleetcheck.core.report;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.RuleResult;
import dev.fleetcheck.core.model.ScanReport;
import dev.fleetcheck.core.model.Status;
import java.util.List;
import java.util.Map;

/**
 * A Markdown summary for pull requests and job summaries: score, counts, every FAIL and ERROR with
 * its evidence and remediation, waivers and scan notes. PASS, NOT_APPLICABLE and MANUAL rules are
 * only counted.
 */
public final class MarkdownReportRenderer implements ReportRenderer {

  @Override
  public String render(ScanReport report) {
    StringBuilder md = new StringBuilder();
    md.append("# Fleetcheck report: ")
        .append(MarkdownText.escape(report.repository().name()))
        .append("\n\n");
    md.append("| | |\n|---|---|\n");
    md.append("| Repository | ").append(cell(report.repository().source())).append(" |\n");
    md.append("| Commit | ")
        .append(
            report.repository().commit().isEmpty()
                ? "not a git checkout"
                : MarkdownText.code(report.repository().commit()))
        .append(" |\n");
    md.append("| Scanned at | ").append(report.scannedAt()).append(" |\n");
    md.append("| Profiles | ").append(profiles(report)).append(" |\n");
    md.append("| Standard | ")
        .append(report.standardVersion())
        .append(" (rule pack ")
        .append(MarkdownText.code(report.rulePackDigest()))
        .append(") |\n");
    md.append("| Rules | ").append(ReportFields.kindSummary(report.kindCounts())).append(" |\n");
    md.append("| Tool | fleetcheck ").append(report.toolVersion()).append(" |\n\n");
    if (report.pythonProject()) {
      md.append("**Score: ")
          .append(report.score().value())
          .append(" / 100** (weight ")
          .append(report.score().earnedWeight())
          .append(" of ")
          .append(report.score().possibleWeight())
          .append(")\n\n");
    } else {
      md.append("**Score: ").append(TextReportRenderer.NO_PYTHON_PROJECT).append("**\n\n");
    }
    counts(md, report.counts());
    section(md, "Failing rules", Findings.withStatus(report, Status.FAIL));
    section(md, "Checks that could not run", Findings.withStatus(report, Status.ERROR));
    waivers(md, Findings.withStatus(report, Status.WAIVED));
    notes(md, report.notes());
    return md.toString();
  }

  private static void counts(StringBuilder md, Map<Status, Integer> counts) {
    StringBuilder header = new StringBuilder("|");
    StringBuilder rule = new StringBuilder("|");
    StringBuilder values = new StringBuilder("|");
    for (Map.Entry<Status, Integer> count : counts.entrySet()) {
      header.append(' ').append(count.getKey().name().replace('_', ' ')).append(" |");
      rule.append("---:|");
      values.append(' ').append(count.getValue()).append(" |");
    }
    md.append(header).append('\n').append(rule).append('\n').append(values).append("\n\n");
  }

  private static void section(StringBuilder md, String heading, List<RuleResult> results) {
    md.append("## ").append(heading).append(" (").append(results.size()).append(")\n\n");
    if (results.isEmpty()) {
      md.append("None.\n\n");
      return;
    }
    for (RuleResult result : results) {
      md.append("### ")
          .append(result.rule().id())
          .append(": ")
          .append(MarkdownText.escape(result.rule().title()))
          .append(" (")
          .append(result.level().id())
          .append(")\n\n");
      for (Evidence evidence : result.outcome().evidence()) {
        md.append("- ").append(evidence(evidence)).append('\n');
      }
      md.append("\n**Remediation:** ")
          .append(MarkdownText.escape(result.rule().remediation()))
          .append("\n\n");
    }
  }

  private static void waivers(StringBuilder md, List<RuleResult> results) {
    if (results.isEmpty()) {
      return;
    }
    md.append("## Waived (").append(results.size()).append(")\n\n");
    for (RuleResult result : results) {
      Outcome.Waived waived = (Outcome.Waived) result.outcome();
      md.append("- ")
          .append(result.rule().id())
          .append(": ")
          .append(MarkdownText.escape(result.rule().title()))
          .append(" (until ")
          .append(waived.waiver().expires())
          .append(", ")
          .append(MarkdownText.code(waived.waiver().path()))
          .append(")\n");
    }
    md.append('\n');
  }

  private static void notes(StringBuilder md, List<Evidence> notes) {
    md.append("## Scan notes (").append(notes.size()).append(")\n\n");
    if (notes.isEmpty()) {
      md.append("None.\n");
      return;
    }
    for (Evidence note : notes) {
      md.append("- ").append(evidence(note)).append('\n');
    }
  }

  private static String evidence(Evidence evidence) {
    if (evidence.path().isEmpty()) {
      return MarkdownText.escape(evidence.message());
    }
    String where = evidence.hasLine() ? evidence.path() + ":" + evidence.line() : evidence.path();
    return MarkdownText.code(where) + " " + MarkdownText.escape(evidence.message());
  }

  private static String cell(String text) {
    return MarkdownText.code(text).replace("|", "\\|");
  }

  private static String profiles(ScanReport report) {
    List<String> ids = ReportFields.profileIds(report.profiles());
    return ids.isEmpty() ? "none" : String.join(", ", ids);
  }
}
