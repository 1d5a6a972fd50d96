package dev.fleetcheck.functions.common;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The invocation a log line or a metric belongs to. The first invocation of an instance is its cold
 * start: its latency includes the JVM's and the handler's initialisation.
 */
public record Invocation(String awsRequestId, String correlationId, boolean coldStart) {

  public static final Invocation NONE = new Invocation("", "", false);

  private static final AtomicBoolean FIRST = new AtomicBoolean(true);

  public Invocation {
    Objects.requireNonNull(awsRequestId, "awsRequestId");
    Objects.requireNonNull(correlationId, "correlationId");
  }

  /** Whether the next invocation of this instance is its cold start. */
  public static boolean coldStartPending() {
    return FIRST.get();
  }

  /**
   * Sets whether the next invocation is a cold start: SnapStart priming runs synthetic invocations
   * that must not use the flag up, and an instance restored from a snapshot starts cold again.
   */
  public static void coldStartPending(boolean pending) {
    FIRST.set(pending);
  }

  /** This invocation; the correlation ID falls back to the request ID when the event has none. */
  public static Invocation of(Context context, String correlationId) {
    String requestId =
        context == null || context.getAwsRequestId() == null ? "" : context.getAwsRequestId();
    String correlation =
        correlationId == null || correlationId.isBlank() ? requestId : correlationId;
    return new Invocation(requestId, correlation, FIRST.getAndSet(false));
  }
}
