package dev.fleetcheck.core.fleet;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.model.ScoreBand;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One repository's line in the fleet table.
 *
 * @param state scanned, failed (no result: {@code errorCode} says why), no Python project (a
 *     result: nothing to check, no score, error code {@code no_python_project}) or pending (the run
 *     stopped first)
 * @param nonCompliant a rule at or above --fail-on is FAIL or ERROR
 * @param trend the change against the previous sweep; empty when there is none to compare with
 */
public record FleetRow(
    String repository,
    String team,
    State state,
    Optional<Double> score,
    Optional<ScoreBand> band,
    int failCount,
    boolean nonCompliant,
    Optional<Trend> trend,
    Optional<ErrorCode> errorCode) {

  public enum State {
    SCANNED,
    FAILED,
    NO_PYTHON_PROJECT,
    PENDING
  }

  /**
   * @param scoreDelta this score minus the previous sweep's; empty when either sweep has no score
   * @param newFailures rules failing now that did not fail then
   * @param fixed rules failing then that pass now
   */
  public record Trend(Optional<Double> scoreDelta, List<String> newFailures, List<String> fixed) {
    public Trend {
      Objects.requireNonNull(scoreDelta, "scoreDelta");
      newFailures = List.copyOf(newFailures);
      fixed = List.copyOf(fixed);
    }
  }

  public FleetRow {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(trend, "trend");
    Objects.requireNonNull(errorCode, "errorCode");
  }
}
