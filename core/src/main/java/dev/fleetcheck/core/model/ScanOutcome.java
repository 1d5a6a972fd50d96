package dev.fleetcheck.core.model;

import dev.fleetcheck.core.error.ErrorCode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** How a scan ended: a summary of its report, or the error that stopped it. */
public sealed interface ScanOutcome {

  /**
   * The scan ran; the full report is in the report store under {@code reportKey}, the rules that
   * failed are listed by ID (sorted). {@code validUntil} is when a waiver it applied stops waiving
   * (see {@link dev.fleetcheck.core.model.ScanReport#validUntil()}); empty when none did.
   */
  record Succeeded(
      double score,
      Map<Status, Integer> counts,
      List<String> failingRules,
      String reportKey,
      Optional<Instant> validUntil)
      implements ScanOutcome {

    /** A result that no waiver expiry can make untrue. */
    public Succeeded(
        double score, Map<Status, Integer> counts, List<String> failingRules, String reportKey) {
      this(score, counts, failingRules, reportKey, Optional.empty());
    }

    public Succeeded {
      Map<Status, Integer> all = new EnumMap<>(Status.class);
      for (Status status : Status.values()) {
        all.put(status, counts.getOrDefault(status, 0));
      }
      counts = Map.copyOf(all);
      failingRules = failingRules.stream().sorted().distinct().toList();
      Objects.requireNonNull(reportKey, "reportKey");
      validUntil = validUntil.map(at -> at.truncatedTo(ChronoUnit.MILLIS));
    }

    /** Whether a fresh scan of the same commit at {@code now} would still say the same. */
    public boolean trueAt(Instant now) {
      return validUntil.map(now::isBefore).orElse(true);
    }

    public ScoreBand band() {
      return ScoreBand.of(score);
    }
  }

  /** The scan could not complete; {@code message} never holds a secret. */
  record Failed(ErrorCode errorCode, String message) implements ScanOutcome {

    public Failed {
      Objects.requireNonNull(errorCode, "errorCode");
      Objects.requireNonNull(message, "message");
    }
  }
}
