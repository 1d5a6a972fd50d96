package dev.fleetcheck.core.fleet;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.model.RuleFailure;
import dev.fleetcheck.core.model.Sweep;
import dev.fleetcheck.core.model.SweepEntry;
import dev.fleetcheck.core.port.Page;
import dev.fleetcheck.core.port.PageRequest;
import dev.fleetcheck.core.port.ResultStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What changed since the previous sweep, per repository: rules failing now that did not fail then
 * (new failures), and rules failing then that pass now (fixed). A repository that could not be
 * scanned in this sweep fixes nothing.
 */
public final class CompareSweeps {

  private static final int PAGE = 500;

  private final ResultStore store;

  public CompareSweeps(ResultStore store) {
    this.store = store;
  }

  public record RepositoryChanges(
      String repository, SortedSet<String> newFailures, SortedSet<String> fixed) {

    public RepositoryChanges {
      newFailures = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(newFailures));
      fixed = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(fixed));
    }
  }

  /** Changes of {@code sweepId} against {@code previousSweepId} (empty: no earlier sweep). */
  public record SweepChanges(
      String sweepId, Optional<String> previousSweepId, List<RepositoryChanges> repositories) {

    public SweepChanges {
      repositories = List.copyOf(repositories);
    }
  }

  public SweepChanges call(String sweepId) {
    store
        .sweep(sweepId)
        .orElseThrow(
            () -> new FleetcheckException(ErrorCode.SWEEP_NOT_FOUND, "no sweep " + sweepId));
    Optional<Sweep> previous = store.previousSweep(sweepId);
    Map<String, SortedSet<String>> now = failingByRepository(sweepId);
    Map<String, SortedSet<String>> before =
        previous.map(p -> failingByRepository(p.sweepId())).orElseGet(TreeMap::new);

    TreeMap<String, RepositoryChanges> changes = new TreeMap<>();
    for (var entry : now.entrySet()) {
      SortedSet<String> added = new TreeSet<>(entry.getValue());
      added.removeAll(before.getOrDefault(entry.getKey(), new TreeSet<>()));
      SortedSet<String> fixed = new TreeSet<>(before.getOrDefault(entry.getKey(), new TreeSet<>()));
      fixed.removeAll(entry.getValue());
      if (!added.isEmpty() || !fixed.isEmpty()) {
        changes.put(entry.getKey(), new RepositoryChanges(entry.getKey(), added, fixed));
      }
    }
    for (var entry : before.entrySet()) {
      String repository = entry.getKey();
      if (now.containsKey(repository) || !doneIn(sweepId, repository)) {
        continue;
      }
      changes.put(repository, new RepositoryChanges(repository, new TreeSet<>(), entry.getValue()));
    }
    return new SweepChanges(
        sweepId, previous.map(Sweep::sweepId), new ArrayList<>(changes.values()));
  }

  private boolean doneIn(String sweepId, String repository) {
    return store
        .sweepEntry(sweepId, repository)
        .filter(e -> e.state() == SweepEntry.State.DONE)
        .isPresent();
  }

  private Map<String, SortedSet<String>> failingByRepository(String sweepId) {
    Map<String, SortedSet<String>> byRepository = new TreeMap<>();
    PageRequest request = PageRequest.first(PAGE);
    while (true) {
      Page<RuleFailure> page = store.ruleFailures(sweepId, Optional.empty(), request);
      for (RuleFailure failure : page.items()) {
        byRepository
            .computeIfAbsent(failure.repository(), r -> new TreeSet<>())
            .add(failure.ruleId());
      }
      if (page.next().isEmpty()) {
        return byRepository;
      }
      request = PageRequest.after(page.next().get(), PAGE);
    }
  }
}
