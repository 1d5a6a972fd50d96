package dev.fleetcheck.functions.common;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;

/**
 * A port built on its first call. Building an SDK client costs a fresh JVM hundreds of milliseconds
 * of class loading, and many invocations never touch some ports (the API's read routes never send
 * to the queue or read a report): those clients are paid for when used, or during SnapStart
 * priming.
 */
public final class Lazily {

  private Lazily() {}

  /** {@code type} built by {@code build} on its first call, once. */
  public static <T> T port(Class<T> type, Supplier<T> build) {
    Supplier<T> once = new Once<>(build);
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) -> {
              if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                  case "toString" -> "lazy " + type.getSimpleName();
                  case "hashCode" -> System.identityHashCode(self);
                  default -> self == args[0];
                };
              }
              try {
                return method.invoke(once.get(), args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            }));
  }

  private static final class Once<T> implements Supplier<T> {

    private final Supplier<T> build;
    private T value;

    Once(Supplier<T> build) {
      this.build = build;
    }

    @Override
    public synchronized T get() {
      if (value == null) {
        value = build.get();
      }
      return value;
    }
  }
}
