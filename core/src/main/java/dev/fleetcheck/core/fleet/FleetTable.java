package dev.fleetcheck.core.fleet;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.model.FailingRule;
import dev.fleetcheck.core.model.ScanOutcome;
import dev.fleetcheck.core.model.ScanRecord;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.model.Sweep;
import dev.fleetcheck.core.model.SweepEntry;
import dev.fleetcheck.core.model.SweepProgress;
import dev.fleetcheck.core.port.ResultStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fleet table of one sweep: a row per repository with its score, band, FAIL count, whether it
 * breaks --fail-on, and the trend against the previous sweep.
 *
 * @param failOn the threshold the rows were judged against ({@link FailOn#NEVER}: none judged)
 */
public record FleetTable(
    String sweepId,
    Optional<String> previousSweepId,
    SweepProgress progress,
    List<FleetRow> rows,
    FailOn failOn) {

  public FleetTable {
    rows = List.copyOf(rows);
  }

  /**
   * Whether any repository has no result (failed or still pending). A repository with no Python
   * project has one: there is nothing in it to check.
   */
  public boolean anyWithoutResult() {
    return rows.stream()
        .anyMatch(r -> r.state() == FleetRow.State.FAILED || r.state() == FleetRow.State.PENDING);
  }

  public boolean anyNonCompliant() {
    return rows.stream().anyMatch(FleetRow::nonCompliant);
  }

  /**
   * Builds the table of {@code sweepId} for the repositories the inventory listed.
   *
   * @param repositories the names the sweep expected, with the team the inventory gave
   */
  public static FleetTable of(
      String sweepId,
      Map<String, String> repositories,
      ResultStore store,
      FleetQueries queries,
      FailOn failOn) {
    Optional<Sweep> previous = store.previousSweep(sweepId);
    Map<String, CompareSweeps.RepositoryChanges> changes =
        previous.isEmpty()
            ? Map.of()
            : new CompareSweeps(store)
                .call(sweepId).repositories().stream()
                    .collect(
                        Collectors.toMap(
                            CompareSweeps.RepositoryChanges::repository, Function.identity()));
    List<FleetRow> rows = new ArrayList<>();
    for (Map.Entry<String, String> repository : repositories.entrySet()) {
      rows.add(
          row(
              repository.getKey(),
              repository.getValue(),
              sweepId,
              previous,
              changes,
              store,
              queries,
              failOn));
    }
    rows.sort(Comparator.comparing(FleetRow::repository));
    return new FleetTable(
        sweepId, previous.map(Sweep::sweepId), store.progress(sweepId), rows, failOn);
  }

  private static FleetRow row(
      String repository,
      String listedTeam,
      String sweepId,
      Optional<Sweep> previous,
      Map<String, CompareSweeps.RepositoryChanges> changes,
      ResultStore store,
      FleetQueries queries,
      FailOn failOn) {
    Optional<SweepEntry> entry = store.sweepEntry(sweepId, repository);
    Optional<ScanRecord> scan = entry.flatMap(e -> store.scan(e.scanId()));
    String team = scan.map(ScanRecord::team).filter(t -> !t.isEmpty()).orElse(listedTeam);
    if (entry.isEmpty()) {
      return new FleetRow(
          repository,
          team,
          FleetRow.State.PENDING,
          Optional.empty(),
          Optional.empty(),
          0,
          false,
          Optional.empty(),
          Optional.empty());
    }
    if (entry.get().state() == SweepEntry.State.FAILED
        || scan.isEmpty()
        || !(scan.get().outcome() instanceof ScanOutcome.Succeeded succeeded)) {
      ErrorCode code = entry.get().errorCode().orElse(ErrorCode.SCAN_FAILED);
      return new FleetRow(
          repository,
          team,
          code == ErrorCode.NO_PYTHON_PROJECT
              ? FleetRow.State.NO_PYTHON_PROJECT
              : FleetRow.State.FAILED,
          Optional.empty(),
          Optional.empty(),
          0,
          false,
          previous.map(p -> trend(repository, Optional.empty(), p, changes, store)),
          Optional.of(code));
    }
    return new FleetRow(
        repository,
        team,
        FleetRow.State.SCANNED,
        Optional.of(succeeded.score()),
        Optional.of(succeeded.band()),
        succeeded.counts().getOrDefault(Status.FAIL, 0),
        nonCompliant(scan.get(), succeeded, store, queries, failOn),
        previous.map(p -> trend(repository, Optional.of(succeeded.score()), p, changes, store)),
        Optional.empty());
  }

  /**
   * The stored failing rules carry their level; an ERROR outcome is not stored, so a scan with
   * ERRORs is judged on its full report, exactly as {@code scan} judges it.
   */
  private static boolean nonCompliant(
      ScanRecord scan,
      ScanOutcome.Succeeded succeeded,
      ResultStore store,
      FleetQueries queries,
      FailOn failOn) {
    if (failOn == FailOn.NEVER) {
      return false;
    }
    if (succeeded.counts().getOrDefault(Status.ERROR, 0) > 0) {
      return failOn.breach(queries.report(scan.scanId())).isPresent();
    }
    return store.failingRules(scan.scanId()).stream()
        .map(FailingRule::level)
        .anyMatch(failOn::breaks);
  }

  private static FleetRow.Trend trend(
      String repository,
      Optional<Double> score,
      Sweep previous,
      Map<String, CompareSweeps.RepositoryChanges> changes,
      ResultStore store) {
    Optional<Double> previousScore =
        store
            .sweepEntry(previous.sweepId(), repository)
            .filter(e -> e.state() == SweepEntry.State.DONE)
            .flatMap(e -> store.scan(e.scanId()))
            .map(ScanRecord::outcome)
            .filter(ScanOutcome.Succeeded.class::isInstance)
            .map(o -> ((ScanOutcome.Succeeded) o).score());
    Optional<Double> delta =
        score.isPresent() && previousScore.isPresent()
            ? Optional.of(score.get() - previousScore.get())
            : Optional.empty();
    CompareSweeps.RepositoryChanges change = changes.get(repository);
    return new FleetRow.Trend(
        delta,
        change == null ? List.of() : List.copyOf(change.newFailures()),
        change == null ? List.of() : List.copyOf(change.fixed()));
  }
}
