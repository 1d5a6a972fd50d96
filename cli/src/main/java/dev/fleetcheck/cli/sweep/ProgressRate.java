package dev.fleetcheck.cli.sweep;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Repositories per minute and the time left at that rate, from what this run has finished. */
public record ProgressRate(double perMinute, Optional<Duration> eta) {

  public static ProgressRate of(int finishedThisRun, int pending, Duration elapsed) {
    double minutes = elapsed.toMillis() / 60_000.0;
    if (finishedThisRun == 0 || minutes <= 0) {
      return new ProgressRate(0, Optional.empty());
    }
    double perMinute = finishedThisRun / minutes;
    long etaMillis = Math.round(pending / perMinute * 60_000);
    return new ProgressRate(perMinute, Optional.of(Duration.ofMillis(etaMillis)));
  }

  /** "12.5/min". */
  public String rateText() {
    return String.format(Locale.ROOT, "%.1f/min", perMinute);
  }

  /** "1:05", "0:00", or "?" before the first repository finishes. */
  public String etaText() {
    return eta.map(
            d -> {
              long seconds = (d.toMillis() + 999) / 1000;
              return seconds >= 3600
                  ? String.format(
                      Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                  : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
            })
        .orElse("?");
  }
}
