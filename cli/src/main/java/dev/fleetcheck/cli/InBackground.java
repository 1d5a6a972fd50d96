package dev.fleetcheck.cli;

import dev.fleetcheck.core.concurrent.Futures;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A value computed on its own daemon thread from the moment it is asked for, so a cold process
 * builds it while the main thread is busy elsewhere (parsing the command line); {@link
 * Supplier#get} waits for it and rethrows what the computation threw.
 */
final class InBackground {

  private InBackground() {}

  static <T> Supplier<T> start(String threadName, Supplier<T> computation) {
    FutureTask<T> task = new FutureTask<>(computation::get);
    Thread thread = new Thread(task, threadName);
    thread.setDaemon(true);
    thread.start();
    return () -> await(task);
  }

  private static <T> T await(FutureTask<T> task) {
    return Futures.awaitUninterruptibly(task);
  }
}
