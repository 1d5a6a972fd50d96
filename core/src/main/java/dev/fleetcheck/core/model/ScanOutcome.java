package dev.fleetcheck.core.model;

import dev.fleetcheck.core.error.ErrorCode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** How a scan ended: a summary of its report, or the error that stopped it. */
public sealed interface ScanOutcome {

  /**
   * The scan ran; the full report is in the report store under {@code reportKey}, the rules that
   * failed are listed by ID (sorted).
   */
  record Succeeded(
      double score, Map<Status, Integer> counts, List<String> failingRules, String reportKey)
      implements ScanOutcome {

    public Succeeded {
      Map<Status, Integer> all = new EnumMap<>(Status.class);
      for (Status status : Status.values()) {
        all.put(status, counts.getOrDefault(status, 0));
      }
      counts = Map.copyOf(all);
      failingRules = failingRules.stream().sorted().distinct().toList();
      Objects.requireNonNull(reportKey, "reportKey");
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
