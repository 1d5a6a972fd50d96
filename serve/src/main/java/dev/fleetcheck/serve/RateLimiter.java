package dev.fleetcheck.serve;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client address: each client may send {@code burst} requests at once and then
 * {@code perSecond} a second. The number of buckets is bounded; full buckets (idle clients) are
 * dropped first when it is reached.
 */
final class RateLimiter {

  /** What the limiter decided: allowed, or refused until {@code retryAfter} has passed. */
  sealed interface Decision {
    record Allowed() implements Decision {}

    record Refused(Duration retryAfter) implements Decision {}
  }

  static final int MAX_CLIENTS = 10_000;

  private final double perSecond;
  private final int burst;
  private final LongSupplier nanos;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /**
   * @param perSecond the refill rate; 0 turns the limiter off
   * @param burst the bucket's size
   */
  RateLimiter(double perSecond, int burst, LongSupplier nanos) {
    if (perSecond < 0 || burst < 1) {
      throw new IllegalArgumentException("a rate of at least 0 and a burst of at least 1");
    }
    this.perSecond = perSecond;
    this.burst = burst;
    this.nanos = nanos;
  }

  boolean enabled() {
    return perSecond > 0;
  }

  Decision acquire(String client) {
    if (!enabled()) {
      return new Decision.Allowed();
    }
    long now = nanos.getAsLong();
    if (buckets.size() >= MAX_CLIENTS && !buckets.containsKey(client)) {
      evictIdle(now);
    }
    Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(burst, now));
    synchronized (bucket) {
      bucket.refill(now, perSecond, burst);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return new Decision.Allowed();
      }
      double missing = 1 - bucket.tokens;
      long waitNanos = (long) Math.ceil(missing / perSecond * 1e9);
      return new Decision.Refused(Duration.ofNanos(Math.max(waitNanos, 1)));
    }
  }

  private void evictIdle(long now) {
    Iterator<Map.Entry<String, Bucket>> entries = buckets.entrySet().iterator();
    while (entries.hasNext()) {
      Bucket bucket = entries.next().getValue();
      synchronized (bucket) {
        bucket.refill(now, perSecond, burst);
        if (bucket.tokens >= burst) {
          entries.remove();
        }
      }
    }
    if (buckets.size() >= MAX_CLIENTS) {
      buckets.clear();
    }
  }

  private static final class Bucket {
    private double tokens;
    private long at;

    Bucket(int burst, long now) {
      this.tokens = burst;
      this.at = now;
    }

    void refill(long now, double perSecond, int burst) {
      long elapsed = Math.max(0, now - at);
      tokens = Math.min(burst, tokens + elapsed / 1e9 * perSecond);
      at = now;
    }
  }
}
