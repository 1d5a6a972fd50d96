package dev.fleetcheck.functions.common;

import com.amazonaws.services.lambda.runtime.Context;
import dev.fleetcheck.core.error.Causes;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What every handler does around its use case: names the invocation in the log, logs a failure with
 * its {@code error_code} before Lambda sees it, and flushes the invocation's metrics.
 */
public final class Invocations {

  private Invocations() {}

  public static <T> T run(
      FunctionRuntime runtime, Context context, String correlationId, Supplier<T> body) {
    runtime.log().begin(Invocation.of(context, correlationId));
    try {
      return body.get();
    } catch (RuntimeException e) {
      ErrorCode code =
          e instanceof FleetcheckException failure ? failure.errorCode() : ErrorCode.INTERNAL_ERROR;
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("error_code", code.code());
      fields.put("message", Causes.describe(e));
      runtime.log().error("invocation.failed", fields);
      runtime.metrics().count("Failures", Map.of("error_code", code.code()));
      throw e;
    } finally {
      runtime.metrics().flush();
    }
  }
}
