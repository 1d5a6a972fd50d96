package dev.fleetcheck.core.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Runs a scan's rule checks on every core: the scanning thread and a few shared daemon threads take
 * the next unchecked rule in turn, and the results come back in the order of the rules. Checks are
 * independent and read shared facts that are each computed once ({@code Facts}), so the order in
 * which they run changes nothing but the wall time. The scanning thread takes part, so a scan never
 * waits on a pool busy with other scans: rules no other thread has taken are its own.
 */
final class RuleThreads {

  // More threads than this contend on the same facts more than they gain (measured on 2 and 4
  // cores).
  private static final int MAX_THREADS = 4;
  static final int THREADS =
      Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), MAX_THREADS));

  private RuleThreads() {}

  /** Built on first use: a one-core machine or a one-rule scan never starts a thread. */
  private static final class Pool {
    static final ExecutorService HELPERS =
        Executors.newFixedThreadPool(
            THREADS - 1,
            task -> {
              Thread thread = new Thread(task, "fleetcheck-rules");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * {@code work} applied to each item, in the items' order. The first exception thrown by any call
   * is rethrown here, after every call already started has ended; items not yet started are
   * skipped.
   */
  static <T, R> List<R> map(List<T> items, Function<T, R> work) {
    int helpers = Math.min(THREADS - 1, items.size() - 1);
    if (helpers <= 0) {
      List<R> results = new ArrayList<>(items.size());
      for (T item : items) {
        results.add(work.apply(item));
      }
      return results;
    }
    Batch<T, R> batch = new Batch<>(items, work);
    for (int i = 0; i < helpers; i++) {
      Pool.HELPERS.execute(batch::drain);
    }
    batch.drain();
    return batch.results();
  }

  private static final class Batch<T, R> {
    private final List<T> items;
    private final Function<T, R> work;
    private final Object[] results;
    private final AtomicInteger next = new AtomicInteger();
    private final CountDownLatch ended;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    Batch(List<T> items, Function<T, R> work) {
      this.items = items;
      this.work = work;
      this.results = new Object[items.size()];
      this.ended = new CountDownLatch(items.size());
    }

    /** Takes items until none is left; after a failure, takes the rest without running them. */
    void drain() {
      for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
        try {
          if (failure.get() == null) {
            results[i] = work.apply(items.get(i));
          }
        } catch (RuntimeException | Error e) {
          failure.compareAndSet(null, e);
        } finally {
          ended.countDown();
        }
      }
    }

    @SuppressWarnings("unchecked")
    List<R> results() {
      try {
        ended.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure.compareAndSet(null, new IllegalStateException("interrupted during a scan", e));
      }
      Throwable failed = failure.get();
      if (failed instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (failed instanceof Error error) {
        throw error;
      }
      return (List<R>) Arrays.asList(results.clone());
    }
  }
}
