package dev.fleetcheck.core.report;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.RuleResult;
import dev.fleetcheck.core.model.ScanReport;
import dev.fleetcheck.core.model.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A plain table for terminals and CI logs: no colour, no box drawing, titles cut to fit 100
 * columns. Lists FAIL, ERROR and WAIVED rules, each followed by its evidence.
 */
public final class TextReportRenderer implements ReportRenderer {

  /** Said instead of a score when there is nothing to score. */
  static final String NO_PYTHON_PROJECT =
      "none: no Python project found, every rule is NOT_APPLICABLE";

  private static final int TITLE_WIDTH = 48;
  private static final String ROW = "%-7s %-12s %-12s %s\n";

  @Override
  public String render(ScanReport report) {
    StringBuilder text = new StringBuilder();
    String commit = report.repository().commit();
    text.append("Repository: ")
        .append(Printable.escape(report.repository().name()))
        .append(commit.isEmpty() ? "" : " @ " + Findings.shortCommit(commit))
        .append('\n');
    text.append("Profiles:   ")
        .append(
            report.profiles().isEmpty()
                ? "none"
                : String.join(", ", ReportFields.profileIds(report.profiles())))
        .append('\n');
    text.append("Standard:   ")
        .append(report.standardVersion())
        .append(" (rule pack ")
        .append(report.rulePackDigest())
        .append(")\n");
    text.append("Score:      ")
        .append(report.pythonProject() ? report.score().value() + " / 100" : NO_PYTHON_PROJECT)
        .append('\n');
    text.append("Rules:      ").append(ReportFields.kindSummary(report.kindCounts())).append('\n');
    text.append("Counts:     ").append(counts(report.counts())).append("\n\n");

    List<RuleResult> shown = new ArrayList<>();
    shown.addAll(Findings.withStatus(report, Status.FAIL));
    shown.addAll(Findings.withStatus(report, Status.ERROR));
    shown.addAll(Findings.withStatus(report, Status.WAIVED));
    if (shown.isEmpty()) {
      text.append("No rule failed.\n");
    } else {
      text.append(String.format(ROW, "STATUS", "LEVEL", "RULE", "TITLE"));
      for (RuleResult result : shown) {
        text.append(
            String.format(
                ROW,
                result.status().name(),
                result.level().id(),
                result.rule().id(),
                cut(result.rule().title())));
        for (Evidence evidence : result.outcome().evidence()) {
          text.append("        - ").append(oneLine(evidence.describe())).append('\n');
        }
      }
    }
    if (!report.notes().isEmpty()) {
      text.append("\nNotes:\n");
      for (Evidence note : report.notes()) {
        text.append("  - ").append(oneLine(note.describe())).append('\n');
      }
    }
    return text.toString();
  }

  private static String counts(Map<Status, Integer> counts) {
    List<String> parts = new ArrayList<>();
    counts.forEach((status, count) -> parts.add(status.name() + " " + count));
    return String.join(", ", parts);
  }

  private static String cut(String title) {
    String flat = oneLine(title);
    return flat.length() <= TITLE_WIDTH ? flat : flat.substring(0, TITLE_WIDTH - 3) + "...";
  }

  /** Repository text on one terminal line: control characters are shown escaped, never sent. */
  private static String oneLine(String text) {
    return Printable.escape(text);
  }
}
