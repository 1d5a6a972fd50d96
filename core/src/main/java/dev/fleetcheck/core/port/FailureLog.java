package dev.fleetcheck.core.port;

import dev.fleetcheck.core.error.ErrorCode;
import java.util.Map;

/**
 * Where use cases report the failures they handle instead of throwing (a scan that failed, a job
 * that could not be decoded, a send that failed): the CLI writes them to stderr, a Lambda handler
 * to its structured log. Messages reach it already safe to log: no secret, and the cause's message
 * rather than only its class name (see {@link dev.fleetcheck.core.error.Causes}).
 */
@FunctionalInterface
public interface FailureLog {

  FailureLog NONE = (event, code, message, context) -> {};

  /**
   * @param event what failed, as a stable dotted name ({@code scan.failed})
   * @param context identifiers that locate it (sweep, job, repository), never a secret
   */
  void failure(String event, ErrorCode code, String message, Map<String, String> context);
}
