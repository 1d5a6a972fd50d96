package dev.fleetcheck.cli.sweep;

import dev.fleetcheck.cli.config.Durations;
import dev.fleetcheck.cli.config.Setting;
import dev.fleetcheck.cli.config.Settings;
import java.time.Duration;

/**
 * How the worker settings are read after precedence, the same for {@code sweep}, {@code demo} and
 * {@code serve}: a value that does not fit is an error naming where it came from.
 */
public final class SweepSettings {

  public static final int MAX_WORKERS = 64;
  public static final int DEFAULT_WORKERS = 2;

  private SweepSettings() {}

  /** {@code scan_timeout}, checked against the queue's visibility timeout; 90 s by default. */
  public static Duration scanTimeout(Settings settings) {
    return settings.get(
        Setting.SCAN_TIMEOUT,
        text -> FleetRuntime.checkScanTimeout(Durations.parse(text)),
        JobTimeouts.DEFAULT_SCAN);
  }

  /** {@code workers}, 1 to {@value #MAX_WORKERS}; {@value #DEFAULT_WORKERS} by default. */
  public static int workers(Settings settings) {
    return settings.get(
        Setting.WORKERS,
        text -> {
          int n = Integer.parseInt(text.strip());
          if (n < 1 || n > MAX_WORKERS) {
            throw new IllegalArgumentException("between 1 and " + MAX_WORKERS);
          }
          return n;
        },
        DEFAULT_WORKERS);
  }
}
