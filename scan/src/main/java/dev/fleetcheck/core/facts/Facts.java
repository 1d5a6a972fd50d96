package dev.fleetcheck.core.facts;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.snapshot.RepoSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The per-scan cache of facts about one snapshot, and the list of problems met while collecting
 * them (a malformed file is evidence, never an abort). One instance serves one scan on one thread.
 */
public final class Facts {

  private final RepoSnapshot snapshot;
  private final Map<Fact<?>, Object> cache = new HashMap<>();
  private final Set<Fact<?>> computing = new HashSet<>();
  private final List<Evidence> problems = new ArrayList<>();
  private final Set<Evidence> seenProblems = new HashSet<>();

  public Facts(RepoSnapshot snapshot) {
    this.snapshot = snapshot;
  }

  public RepoSnapshot snapshot() {
    return snapshot;
  }

  /** The fact's value, computed on first use. */
  @SuppressWarnings("unchecked")
  public <T> T get(Fact<T> fact) {
    if (cache.containsKey(fact)) {
      return (T) cache.get(fact);
    }
    if (!computing.add(fact)) {
      throw new IllegalStateException("fact depends on itself: " + fact.name());
    }
    try {
      T value = fact.computeFrom(this);
      cache.put(fact, value);
      return value;
    } finally {
      computing.remove(fact);
    }
  }

  /** Records a problem met while collecting facts (reported once, however often it is met). */
  public void problem(Evidence evidence) {
    if (seenProblems.add(evidence)) {
      problems.add(evidence);
    }
  }

  public List<Evidence> problems() {
    return List.copyOf(problems);
  }
}
