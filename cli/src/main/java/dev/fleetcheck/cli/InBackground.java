package dev.fleetcheck.cli;

import java.util.concurrent.ExecutionException;
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
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return task.get();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
