package dev.fleetcheck.core.snapshot;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A scan's wall-clock bound, checked cooperatively: by the snapshot before it indexes or reads each
 * file, and by the engine before each rule. A scan that runs out stops at its next check on every
 * thread it uses (the parallel readers included), so nothing of it keeps running after it failed.
 */
public final class ScanDeadline {

  private static final ScanDeadline NONE = new ScanDeadline(null, 0, System::nanoTime);

  private final Duration bound;
  private final long deadlineNanos;
  private final LongSupplier nanoTime;

  private ScanDeadline(Duration bound, long deadlineNanos, LongSupplier nanoTime) {
    this.bound = bound;
    this.deadlineNanos = deadlineNanos;
    this.nanoTime = nanoTime;
  }

  /** No bound: for a scan a person runs and can stop. */
  public static ScanDeadline none() {
    return NONE;
  }

  /** Runs out {@code bound} from now. */
  public static ScanDeadline after(Duration bound) {
    return after(bound, System::nanoTime);
  }

  /** Runs out {@code bound} after the current reading of {@code nanoTime} (a test's clock). */
  public static ScanDeadline after(Duration bound, LongSupplier nanoTime) {
    Objects.requireNonNull(bound, "bound");
    if (bound.isNegative() || bound.isZero()) {
      throw new IllegalArgumentException("a scan's time bound must be positive");
    }
    return new ScanDeadline(bound, nanoTime.getAsLong() + bound.toNanos(), nanoTime);
  }

  public boolean expired() {
    return bound != null && nanoTime.getAsLong() - deadlineNanos >= 0;
  }

  /**
   * @throws FleetcheckException SCAN_TIMEOUT once the bound has passed
   */
  public void check() {
    if (expired()) {
      throw new FleetcheckException(
          ErrorCode.SCAN_TIMEOUT, "the scan ran out of its time bound (" + bound + ")");
    }
  }
}
