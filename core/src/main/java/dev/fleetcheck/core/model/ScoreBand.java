package dev.fleetcheck.core.model;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.util.Locale;

/** Score ranges the fleet views filter by; each band includes its lower bound. */
public enum ScoreBand {
  CRITICAL(0.0),
  WEAK(50.0),
  FAIR(70.0),
  STRONG(90.0);

  private final double lowerBound;

  ScoreBand(double lowerBound) {
    this.lowerBound = lowerBound;
  }

  public static ScoreBand of(double score) {
    ScoreBand band = CRITICAL;
    for (ScoreBand candidate : values()) {
      if (score >= candidate.lowerBound) {
        band = candidate;
      }
    }
    return band;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ScoreBand fromId(String id) {
    for (ScoreBand band : values()) {
      if (band.id().equals(id)) {
        return band;
      }
    }
    throw new FleetcheckException(ErrorCode.INVALID_ARGUMENT, "unknown score band: " + id);
  }
}
