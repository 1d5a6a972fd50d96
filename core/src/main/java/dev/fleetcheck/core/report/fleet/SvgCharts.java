package dev.fleetcheck.core.report.fleet;

import static dev.fleetcheck.core.report.fleet.ReportText.decimal;
import static dev.fleetcheck.core.report.fleet.ReportText.html;

import dev.fleetcheck.core.report.fleet.FleetReportData.RulePassRate;
import dev.fleetcheck.core.report.fleet.FleetReportData.ScoreBucket;
import java.util.List;

/**
 * The report's two charts as inline SVG. Every bar carries its number as text and the chart a title
 * and description, so nothing depends on colour or on seeing the shapes.
 */
final class SvgCharts {

  private static final int SCORE_WIDTH = 720;
  private static final int SCORE_HEIGHT = 280;
  private static final int SCORE_TOP = 24;
  private static final int SCORE_BOTTOM = 48;
  private static final int SCORE_LEFT = 40;

  private static final int RATE_LABEL = 110;
  private static final int RATE_BAR = 420;
  private static final int RATE_ROW = 22;
  private static final int RATE_TOP = 8;
  private static final int LABEL_CHARS = 24;

  private SvgCharts() {}

  /** A vertical bar per 10-point bucket, the count written above each bar. */
  static String scoreDistribution(List<ScoreBucket> buckets) {
    int max = Math.max(1, buckets.stream().mapToInt(ScoreBucket::count).max().orElse(1));
    int plotHeight = SCORE_HEIGHT - SCORE_TOP - SCORE_BOTTOM;
    int slot = (SCORE_WIDTH - SCORE_LEFT - 8) / Math.max(1, buckets.size());
    int barWidth = slot - 12;
    StringBuilder description = new StringBuilder();
    StringBuilder svg = new StringBuilder();
    svg.append("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ")
        .append(SCORE_WIDTH)
        .append(' ')
        .append(SCORE_HEIGHT)
        .append("\" width=\"")
        .append(SCORE_WIDTH)
        .append("\" height=\"")
        .append(SCORE_HEIGHT)
        .append("\" aria-labelledby=\"score-chart-title score-chart-desc\">\n");
    svg.append(
        "<title id=\"score-chart-title\">Repositories by score, in 10-point buckets</title>\n");
    int baseline = SCORE_TOP + plotHeight;
    svg.append(line(SCORE_LEFT, baseline, SCORE_WIDTH - 8, baseline, "axis"));
    svg.append(line(SCORE_LEFT, SCORE_TOP, SCORE_LEFT, baseline, "axis"));
    svg.append(text(SCORE_LEFT - 6, baseline, "end", "tick", "0"));
    svg.append(text(SCORE_LEFT - 6, SCORE_TOP + 4, "end", "tick", Integer.toString(max)));
    for (int i = 0; i < buckets.size(); i++) {
      ScoreBucket bucket = buckets.get(i);
      int height = (int) Math.round((double) plotHeight * bucket.count() / max);
      int x = SCORE_LEFT + 6 + i * slot;
      int centre = x + barWidth / 2;
      svg.append("<rect class=\"bar ")
          .append(bandClass(bucket.lower()))
          .append("\" x=\"")
          .append(x)
          .append("\" y=\"")
          .append(baseline - height)
          .append("\" width=\"")
          .append(barWidth)
          .append("\" height=\"")
          .append(height)
          .append("\"/>\n");
      svg.append(text(centre, baseline - height - 6, "middle", "value", bucket.count() + ""));
      svg.append(text(centre, baseline + 18, "middle", "tick", bucket.label()));
      description
          .append(bucket.label())
          .append(": ")
          .append(bucket.count())
          .append(bucket.count() == 1 ? " repository" : " repositories")
          .append(i + 1 < buckets.size() ? "; " : ".");
    }
    svg.append(
        text(
            SCORE_LEFT + (SCORE_WIDTH - SCORE_LEFT) / 2,
            SCORE_HEIGHT - 6,
            "middle",
            "axis-label",
            "Score"));
    svg.append("<desc id=\"score-chart-desc\">")
        .append(html(description.toString()))
        .append("</desc>\n</svg>\n");
    return svg.toString();
  }

  /** A horizontal bar per automated rule: its pass rate, written out with the counts behind it. */
  static String passRates(List<RulePassRate> rates) {
    int width = RATE_LABEL + RATE_BAR + 190;
    int height = RATE_TOP * 2 + Math.max(1, rates.size()) * RATE_ROW;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" aria-labelledby=\"rate-chart-title\">\n");
    svg.append(
        "<title id=\"rate-chart-title\">Pass rate per automated rule, lowest first</title>\n");
    svg.append(line(RATE_LABEL, RATE_TOP, RATE_LABEL, height - RATE_TOP, "axis"));
    for (int i = 0; i < rates.size(); i++) {
      RulePassRate rate = rates.get(i);
      int y = RATE_TOP + i * RATE_ROW;
      int middle = y + RATE_ROW / 2 + 4;
      // The label column is narrow; a longer ID is cut so the chart stays as bounded as the table.
      svg.append(
          text(RATE_LABEL - 8, middle, "end", "tick", ReportText.clip(rate.ruleId(), LABEL_CHARS)));
      String value;
      int barLength = 0;
      if (rate.rate().isPresent()) {
        double percent = rate.rate().get();
        barLength = (int) Math.round(RATE_BAR * percent / 100.0);
        value =
            decimal(percent)
                + "% ("
                + (rate.passed() + rate.waived())
                + " of "
                + rate.scored()
                + ")";
        svg.append("<rect class=\"bar ")
            .append(rateClass(percent))
            .append("\" x=\"")
            .append(RATE_LABEL)
            .append("\" y=\"")
            .append(y + 3)
            .append("\" width=\"")
            .append(barLength)
            .append("\" height=\"")
            .append(RATE_ROW - 6)
            .append("\"/>\n");
      } else {
        value = "n/a (no repository scored)";
      }
      svg.append(text(RATE_LABEL + barLength + 6, middle, "start", "value", value));
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static String bandClass(int lower) {
    if (lower >= 90) {
      return "band-strong";
    }
    if (lower >= 70) {
      return "band-fair";
    }
    return lower >= 50 ? "band-weak" : "band-critical";
  }

  private static String rateClass(double percent) {
    return bandClass((int) Math.floor(percent));
  }

  private static String line(int x1, int y1, int x2, int y2, String cssClass) {
    return "<line class=\""
        + cssClass
        + "\" x1=\""
        + x1
        + "\" y1=\""
        + y1
        + "\" x2=\""
        + x2
        + "\" y2=\""
        + y2
        + "\"/>\n";
  }

  private static String text(int x, int y, String anchor, String cssClass, String content) {
    return "<text class=\""
        + cssClass
        + "\" x=\""
        + x
        + "\" y=\""
        + y
        + "\" text-anchor=\""
        + anchor
        + "\">"
        + html(content)
        + "</text>\n";
  }
}
