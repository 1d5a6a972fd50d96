package dev.fleetcheck.core.fleet;

import dev.fleetcheck.core.model.Level;
import dev.fleetcheck.core.model.RuleResult;
import dev.fleetcheck.core.model.ScanReport;
import dev.fleetcheck.core.model.Status;
import java.util.Locale;
import java.util.Optional;

/** The lowest rule level whose FAIL or ERROR makes {@code scan} exit non-compliant. */
public enum FailOn {
  REQUIRED(Level.REQUIRED),
  RECOMMENDED(Level.RECOMMENDED),
  NEVER(null);

  private final Level threshold;

  FailOn(Level threshold) {
    this.threshold = threshold;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a FAIL or ERROR at {@code level} breaks the threshold. */
  public boolean breaks(Level level) {
    return threshold != null && level.weight() >= threshold.weight();
  }

  /** The first result that breaks the threshold, if any. */
  public Optional<RuleResult> breach(ScanReport report) {
    if (threshold == null) {
      return Optional.empty();
    }
    return report.results().stream()
        .filter(r -> r.status() == Status.FAIL || r.status() == Status.ERROR)
        .filter(r -> r.level().weight() >= threshold.weight())
        .findFirst();
  }
}
