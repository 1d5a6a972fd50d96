package dev.fleetcheck.cli.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.fleet.FailOn;
import dev.fleetcheck.core.fleet.FleetRow;
import dev.fleetcheck.core.fleet.FleetTable;
import dev.fleetcheck.core.model.ScoreBand;
import dev.fleetcheck.core.report.MarkdownText;
import dev.fleetcheck.core.report.Printable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The formats of the fleet table that {@code sweep} and {@code demo} print on stdout. */
public enum FleetTableFormat {
  TEXT,
  JSON,
  CSV,
  MARKDOWN;

  public String render(FleetTable table) {
    return switch (this) {
      case TEXT -> text(table);
      case JSON -> json(table);
      case CSV -> csv(table);
      case MARKDOWN -> markdown(table);
    };
  }

  private static final List<String> HEADER =
      List.of("REPOSITORY", "TEAM", "SCORE", "BAND", "FAIL", "TREND", "ERROR");

  private static String text(FleetTable table) {
    List<List<String>> cells =
        table.rows().stream()
            .map(
                row ->
                    List.of(
                        Printable.escape(row.repository()),
                        row.team().isEmpty() ? "-" : Printable.escape(row.team()),
                        score(row),
                        band(row),
                        row.state() == FleetRow.State.SCANNED
                            ? Integer.toString(row.failCount())
                            : "-",
                        Printable.escape(trendText(row)),
                        Printable.escape(error(row))))
            .toList();
    int[] widths = new int[HEADER.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = HEADER.get(i).length();
      for (List<String> line : cells) {
        widths[i] = Math.max(widths[i], line.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    appendLine(out, HEADER, widths);
    cells.forEach(line -> appendLine(out, line, widths));
    out.append('\n').append(summary(table)).append('\n');
    return out.toString();
  }

  private static void appendLine(StringBuilder out, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      boolean numeric = i == 2 || i == 4;
      String cell = cells.get(i);
      String padded =
          numeric
              ? " ".repeat(widths[i] - cell.length()) + cell
              : cell + " ".repeat(widths[i] - cell.length());
      line.append(padded).append(i + 1 < cells.size() ? "  " : "");
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }

  static String summary(FleetTable table) {
    long nonCompliant = table.rows().stream().filter(FleetRow::nonCompliant).count();
    long pending = table.rows().stream().filter(r -> r.state() == FleetRow.State.PENDING).count();
    long notPython =
        table.rows().stream().filter(r -> r.state() == FleetRow.State.NO_PYTHON_PROJECT).count();
    String versus =
        table
            .previousSweepId()
            .map(id -> "trend against sweep " + id)
            .orElse("no previous sweep to compare with");
    return String.format(
        Locale.ROOT,
        "sweep %s: %d repositories, %d scanned, %d failed%s%s, %s; %s",
        table.sweepId(),
        table.rows().size(),
        table.progress().done(),
        table.progress().failed() - notPython,
        notPython > 0 ? ", " + notPython + " with no Python project" : "",
        pending > 0 ? ", " + pending + " pending" : "",
        // "0 non-compliant" under --fail-on never would read as a clean fleet.
        table.failOn() == FailOn.NEVER
            ? "compliance not judged (--fail-on never)"
            : nonCompliant + " non-compliant at --fail-on " + table.failOn().id(),
        versus);
  }

  private static String score(FleetRow row) {
    return row.score().map(s -> String.format(Locale.ROOT, "%.1f", s)).orElse("-");
  }

  private static String band(FleetRow row) {
    return row.band().map(ScoreBand::id).orElse("-");
  }

  private static String error(FleetRow row) {
    if (row.state() == FleetRow.State.PENDING) {
      return "pending";
    }
    return row.errorCode().map(ErrorCode::code).orElse("");
  }

  /** "+2.5, 1 new, 2 fixed"; "-" without a previous sweep. */
  static String trendText(FleetRow row) {
    if (row.trend().isEmpty()) {
      return "-";
    }
    FleetRow.Trend trend = row.trend().get();
    String delta =
        trend
            .scoreDelta()
            .map(FleetTableFormat::signed)
            .orElse(row.state() == FleetRow.State.SCANNED ? "new" : "-");
    return delta + ", " + trend.newFailures().size() + " new, " + trend.fixed().size() + " fixed";
  }

  private static String signed(double delta) {
    double rounded = Math.round(delta * 10) / 10.0;
    if (rounded == 0) {
      return "=0.0";
    }
    return String.format(Locale.ROOT, "%+.1f", rounded);
  }

  private static String json(FleetTable table) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("sweep_id", table.sweepId());
    if (table.previousSweepId().isPresent()) {
      root.put("previous_sweep_id", table.previousSweepId().get());
    } else {
      root.putNull("previous_sweep_id");
    }
    root.put("expected", table.progress().expected());
    root.put("done", table.progress().done());
    root.put("failed", table.progress().failed());
    root.put("pending", table.progress().pending());
    root.put("fail_on", table.failOn().id());
    ArrayNode rows = root.putArray("repositories");
    for (FleetRow row : table.rows()) {
      ObjectNode node = rows.addObject();
      node.put("repository", row.repository());
      node.put("team", row.team());
      node.put("state", row.state().name().toLowerCase(Locale.ROOT));
      putOptional(node, "score", row.score());
      if (row.band().isPresent()) {
        node.put("band", row.band().get().id());
      } else {
        node.putNull("band");
      }
      node.put("fail_count", row.failCount());
      node.put("non_compliant", row.nonCompliant());
      if (row.trend().isPresent()) {
        ObjectNode trend = node.putObject("trend");
        putOptional(trend, "score_delta", row.trend().get().scoreDelta());
        row.trend().get().newFailures().forEach(trend.putArray("new_failures")::add);
        row.trend().get().fixed().forEach(trend.putArray("fixed")::add);
      } else {
        node.putNull("trend");
      }
      if (row.errorCode().isPresent()) {
        node.put("error_code", row.errorCode().get().code());
      } else {
        node.putNull("error_code");
      }
    }
    try {
      return mapper.writeValueAsString(root).replace("\r\n", "\n") + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  private static void putOptional(ObjectNode node, String field, Optional<Double> value) {
    if (value.isPresent()) {
      node.put(field, Math.round(value.get() * 10) / 10.0);
    } else {
      node.putNull(field);
    }
  }

  private static String csv(FleetTable table) {
    StringBuilder out = new StringBuilder();
    out.append(
        "repository,team,state,score,band,fail_count,non_compliant,score_delta,new_failures,"
            + "fixed,error_code\r\n");
    for (FleetRow row : table.rows()) {
      Optional<FleetRow.Trend> trend = row.trend();
      List<String> cells =
          List.of(
              row.repository(),
              row.team(),
              row.state().name().toLowerCase(Locale.ROOT),
              row.score().map(s -> String.format(Locale.ROOT, "%.1f", s)).orElse(""),
              row.band().map(ScoreBand::id).orElse(""),
              Integer.toString(row.failCount()),
              Boolean.toString(row.nonCompliant()),
              trend
                  .flatMap(FleetRow.Trend::scoreDelta)
                  .map(d -> String.format(Locale.ROOT, "%.1f", d))
                  .orElse(""),
              trend.map(t -> String.join(" ", t.newFailures())).orElse(""),
              trend.map(t -> String.join(" ", t.fixed())).orElse(""),
              row.errorCode().map(ErrorCode::code).orElse(""));
      for (int i = 0; i < cells.size(); i++) {
        out.append(csvCell(cells.get(i))).append(i + 1 < cells.size() ? "," : "\r\n");
      }
    }
    return out.toString();
  }

  /** RFC 4180 quoting; a leading = + - @ is defused so spreadsheets show text, not a formula. */
  static String csvCell(String value) {
    String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    boolean quote =
        safe.indexOf(',') >= 0
            || safe.indexOf('"') >= 0
            || safe.indexOf('\n') >= 0
            || safe.indexOf('\r') >= 0;
    return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
  }

  private static String markdown(FleetTable table) {
    StringBuilder out = new StringBuilder();
    out.append("| Repository | Team | Score | Band | FAIL | Trend | Error |\n");
    out.append("|---|---|---:|---|---:|---|---|\n");
    for (FleetRow row : table.rows()) {
      out.append("| ")
          .append(markdownCell(row.repository()))
          .append(" | ")
          .append(markdownCell(row.team().isEmpty() ? "-" : row.team()))
          .append(" | ")
          .append(score(row))
          .append(" | ")
          .append(band(row))
          .append(" | ")
          .append(row.state() == FleetRow.State.SCANNED ? Integer.toString(row.failCount()) : "-")
          .append(" | ")
          .append(markdownCell(trendText(row)))
          .append(" | ")
          .append(markdownCell(error(row)))
          .append(" |\n");
    }
    out.append('\n').append(markdownCell(summary(table))).append('\n');
    return out.toString();
  }

  private static String markdownCell(String text) {
    return MarkdownText.escape(text);
  }
}
