package dev.fleetcheck.functions.common;

import dev.fleetcheck.core.concurrent.Futures;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Part of a function's init that runs on a thread of its own, beside the rest of init (ADR 0032).
 * Most of a fresh JVM's init is class loading and one-off set-up that does not depend on the rest:
 * the SDK's HTTP client (its TLS context and trust store), the SDK clients, the function's own
 * Jackson and wiring. Started first and waited for where its result is needed, such a part costs
 * the cold start only what the other thread did not cover. {@link #get()} waits and then answers
 * what the work returned, or throws what it threw, so a failure still surfaces where the result is
 * used (at init, when init waits for it).
 */
public final class InitTask<T> implements Supplier<T> {

  private final FutureTask<T> task;

  private InitTask(FutureTask<T> task) {
    this.task = task;
  }

  /** Starts {@code work} now on a daemon thread named {@code fleetcheck-init-<name>}. */
  public static <T> InitTask<T> start(String name, Supplier<T> work) {
    FutureTask<T> task = new FutureTask<>(work::get);
    Thread thread = new Thread(task, "fleetcheck-init-" + name);
    thread.setDaemon(true);
    thread.start();
    return new InitTask<>(task);
  }

  /** The work's result, once it is done; its own exception when it failed. */
  @Override
  public T get() {
    return Futures.awaitUninterruptibly(task);
  }
}
