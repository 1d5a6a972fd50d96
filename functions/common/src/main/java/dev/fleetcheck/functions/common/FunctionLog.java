package dev.fleetcheck.functions.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.port.FailureLog;
import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A function's structured log: one JSON object per line on stdout (Lambda ships stdout to the
 * function's log group), with the field names of the CLI's JSON log ({@code ts}, {@code level},
 * {@code event}, {@code service}) plus the invocation's {@code function}, {@code aws_request_id},
 * {@code correlation_id} and {@code cold_start}. Callers pass only values that are safe to log.
 */
public final class FunctionLog {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final String SERVICE = "fleetcheck";

  private final String function;
  private final PrintStream out;
  private final Clock clock;
  private volatile Invocation invocation = Invocation.NONE;
  private volatile boolean muted;

  public FunctionLog(String function, PrintStream out, Clock clock) {
    this.function = function;
    this.out = out;
    this.clock = clock;
  }

  public String function() {
    return function;
  }

  /** The invocation every following line belongs to (Lambda runs one at a time per instance). */
  public void begin(Invocation next) {
    invocation = next;
  }

  public Invocation invocation() {
    return invocation;
  }

  /** While muted, lines are dropped (SnapStart priming's synthetic invocations are no traffic). */
  void mute(boolean muted) {
    this.muted = muted;
  }

  public void info(String event, Map<String, ?> fields) {
    write("INFO", event, fields);
  }

  public void warn(String event, Map<String, ?> fields) {
    write("WARN", event, fields);
  }

  public void error(String event, Map<String, ?> fields) {
    write("ERROR", event, fields);
  }

  /** The use cases' failure reports as WARN lines carrying their {@code error_code}. */
  public FailureLog failures(FailureLog next) {
    return (event, code, message, context) -> {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("error_code", code.code());
      fields.put("message", message);
      fields.putAll(context);
      write("WARN", event, fields);
      next.failure(event, code, message, context);
    };
  }

  /** The same failure, seen by the log only. */
  public void failure(String event, ErrorCode code, String message, Map<String, String> context) {
    failures(FailureLog.NONE).failure(event, code, message, context);
  }

  private void write(String level, String event, Map<String, ?> fields) {
    if (muted) {
      return;
    }
    ObjectNode line = JSON.createObjectNode();
    line.put("ts", clock.instant().toString());
    line.put("level", level);
    line.put("event", event);
    line.put("service", SERVICE);
    line.put("function", function);
    Invocation current = invocation;
    line.put("aws_request_id", current.awsRequestId());
    line.put("correlation_id", current.correlationId());
    line.put("cold_start", current.coldStart());
    fields.forEach((key, value) -> line.set(key, JSON.valueToTree(value)));
    synchronized (out) {
      out.println(line);
    }
  }
}
