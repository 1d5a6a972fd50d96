package dev.fleetcheck.core.concurrent;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work started on another thread, with the work's own exception on failure. */
public final class Futures {

  private Futures() {}

  /**
   * The result of {@code work} once it is done, however often the waiting thread is interrupted
   * (the result is still needed; the interrupt flag is restored afterwards). A failure is rethrown
   * as the work threw it: its RuntimeException or Error unchanged, anything else wrapped.
   */
  public static <T> T awaitUninterruptibly(Future<T> work) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return work.get();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } catch (ExecutionException e) {
      throw unchecked(e.getCause());
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** {@code failure} as an unchecked exception to throw: itself when unchecked, else wrapped. */
  public static RuntimeException unchecked(Throwable failure) {
    if (failure instanceof RuntimeException runtime) {
      return runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    return new IllegalStateException(failure);
  }
}
