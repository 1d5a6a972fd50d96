package dev.fleetcheck.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetcheck.core.report.Printable;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CLI's diagnostics: one event per line on stderr, as JSON or as text, each carrying the
 * invocation's {@code run_id}. Callers pass only redacted values; nothing here ever sees a token.
 */
public final class EventLog {

  /** Severity, in increasing order. */
  public enum Severity {
    DEBUG,
    INFO,
    WARN,
    ERROR
  }

  /** How lines are written. */
  public enum Format {
    TEXT,
    JSON
  }

  private static final String SERVICE = "fleetcheck-cli";

  private final PrintWriter err;
  private final Format format;
  private final Severity threshold;
  private final String runId;
  private final Clock clock;

  public EventLog(PrintWriter err, Format format, Severity threshold, String runId, Clock clock) {
    this.err = err;
    this.format = format;
    this.threshold = threshold;
    this.runId = runId;
    this.clock = clock;
  }

  public Format format() {
    return format;
  }

  public String runId() {
    return runId;
  }

  public boolean enabled(Severity severity) {
    return severity.compareTo(threshold) >= 0;
  }

  public void debug(String event, Map<String, ?> fields) {
    log(Severity.DEBUG, event, fields);
  }

  public void info(String event, Map<String, ?> fields) {
    log(Severity.INFO, event, fields);
  }

  public void error(String event, Map<String, ?> fields) {
    log(Severity.ERROR, event, fields);
  }

  public void log(Severity severity, String event, Map<String, ?> fields) {
    if (!enabled(severity)) {
      return;
    }
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("ts", clock.instant().toString());
    line.put("level", severity.name());
    line.put("event", event);
    line.put("service", SERVICE);
    line.put("run_id", runId);
    line.putAll(fields);
    err.println(format == Format.JSON ? json(line) : text(line));
    err.flush();
  }

  private static String json(Map<String, Object> line) {
    ObjectNode node = JsonLines.MAPPER.createObjectNode();
    line.forEach((key, value) -> node.set(key, JsonLines.MAPPER.valueToTree(value)));
    try {
      return JsonLines.MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  /** Jackson starts only for JSON logs: a cold text-log run never loads its few hundred classes. */
  private static final class JsonLines {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  /**
   * "ts LEVEL event key=value ...", values quoted when they hold spaces, quotes or '='; control
   * characters from repositories or arguments are shown escaped, never sent to the terminal.
   */
  private static String text(Map<String, Object> line) {
    StringBuilder out = new StringBuilder();
    out.append(line.get("ts")).append(' ').append(line.get("level")).append(' ');
    out.append(line.get("event"));
    line.forEach(
        (key, value) -> {
          if (!key.equals("ts") && !key.equals("level") && !key.equals("event")) {
            out.append(' ').append(key).append('=').append(quote(String.valueOf(value)));
          }
        });
    return out.toString();
  }

  private static String quote(String value) {
    String flat = Printable.escape(value);
    boolean plain =
        !flat.isEmpty() && flat.chars().noneMatch(c -> c == ' ' || c == '"' || c == '=');
    return plain ? flat : '"' + flat.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
