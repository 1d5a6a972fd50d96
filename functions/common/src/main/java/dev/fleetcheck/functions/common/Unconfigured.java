package dev.fleetcheck.functions.common;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.lang.reflect.Proxy;

/**
 * A port a function was deployed without (the sweep has no bucket): any call fails with
 * INVALID_CONFIG naming the missing variable, so a wrong deployment shows what to set.
 */
final class Unconfigured {

  private Unconfigured() {}

  static <T> T port(Class<T> type, String variable) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) -> {
              if (method.getName().equals("toString")) {
                return "unconfigured " + type.getSimpleName();
              }
              throw new FleetcheckException(
                  ErrorCode.INVALID_CONFIG,
                  variable + " is not set, so this function cannot call " + method.getName());
            }));
  }
}
