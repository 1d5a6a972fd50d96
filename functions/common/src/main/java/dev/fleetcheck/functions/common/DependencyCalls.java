package dev.fleetcheck.functions.common;

import dev.fleetcheck.core.error.FleetcheckException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Wraps a port (the result store, the report store, the queue, the git fetcher) so that each call
 * logs one {@code dependency.call} line with the dependency, the operation, its duration and its
 * outcome ({@code ok} or the error code), and adds the duration to the metric named for the
 * dependency when one is given. The adapters stay unaware of logging.
 */
public final class DependencyCalls {

  private final FunctionLog log;
  private final Metrics metrics;

  public DependencyCalls(FunctionLog log, Metrics metrics) {
    this.log = log;
    this.metrics = metrics;
  }

  /** {@code port} seen through {@code type}, each call logged as a call to {@code dependency}. */
  public <T> T wrap(Class<T> type, T port, String dependency) {
    return wrap(type, port, dependency, Optional.empty());
  }

  /** As {@link #wrap(Class, Object, String)}, each duration also recorded as {@code metric}. */
  public <T> T wrap(Class<T> type, T port, String dependency, String metric) {
    return wrap(type, port, dependency, Optional.of(metric));
  }

  private <T> T wrap(Class<T> type, T port, String dependency, Optional<String> metric) {
    Object proxy =
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) -> call(port, method, args, dependency, metric));
    return type.cast(proxy);
  }

  private Object call(
      Object port, Method method, Object[] args, String dependency, Optional<String> metric)
      throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return method.invoke(port, args);
    }
    long start = System.nanoTime();
    String outcome = "ok";
    try {
      return method.invoke(port, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      outcome =
          cause instanceof FleetcheckException failure
              ? failure.errorCode().code()
              : cause.getClass().getSimpleName();
      throw cause;
    } finally {
      long millis = (System.nanoTime() - start) / 1_000_000;
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("dependency", dependency);
      fields.put("operation", method.getName());
      fields.put("duration_ms", millis);
      fields.put("outcome", outcome);
      log.info("dependency.call", fields);
      metric.ifPresent(name -> metrics.milliseconds(name, millis));
    }
  }
}
