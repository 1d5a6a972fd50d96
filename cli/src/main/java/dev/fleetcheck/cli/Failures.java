package dev.fleetcheck.cli;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reports a failed command on stderr: {@code error_code}, a plain message, a next step where one
 * helps, the run ID, and the stack trace only with --verbose. Returns the exit code.
 */
final class Failures {

  private static final Map<ErrorCode, String> HINTS =
      Map.of(
          ErrorCode.OUTPUT_WRITE_FAILED, "check that the --output folder exists and is writable",
          ErrorCode.CLONE_AUTH_FAILED, "check the credentials the git fetcher uses",
          ErrorCode.REPO_NOT_FOUND, "check the URL, or clone it yourself and scan the folder",
          ErrorCode.CLONE_TIMEOUT, "retry, or clone it yourself and scan the folder",
          ErrorCode.CLONE_FAILED, "clone it yourself and scan the folder",
          ErrorCode.INTERNAL_ERROR, "rerun with --verbose and report the stack trace",
          ErrorCode.INVALID_CONFIG, "see docs/configuration.md for every key and variable",
          ErrorCode.INVENTORY_INVALID, "fix the inventory file at the entries named",
          ErrorCode.SWEEP_NOT_FOUND,
              "use the sweep_id of a sweep.start event, or leave --sweep out for the latest");

  private Failures() {}

  static int report(EventLog log, Throwable failure) {
    ErrorCode code =
        failure instanceof FleetcheckException known ? known.errorCode() : ErrorCode.INTERNAL_ERROR;
    String message =
        failure instanceof FleetcheckException
            ? failure.getMessage()
            : "unexpected " + failure.getClass().getSimpleName();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("error_code", code.code());
    fields.put("message", message);
    if (HINTS.containsKey(code)) {
      fields.put("hint", HINTS.get(code));
    }
    if (log.enabled(EventLog.Severity.DEBUG)) {
      StringWriter trace = new StringWriter();
      failure.printStackTrace(new PrintWriter(trace));
      fields.put("stack_trace", trace.toString());
    }
    log.error("command.error", fields);
    return code == ErrorCode.INVALID_CONFIG ? ExitCodes.USAGE_ERROR : ExitCodes.OPERATIONAL_FAILURE;
  }
}
