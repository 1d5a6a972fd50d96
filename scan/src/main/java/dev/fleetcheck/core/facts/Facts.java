package dev.fleetcheck.core.facts;

import dev.fleetcheck.core.concurrent.Futures;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.snapshot.RepoSnapshot;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The per-scan cache of facts about one snapshot, and the list of problems met while collecting
 * them (a malformed file is evidence, never an abort). Safe for the engine's rule threads: each
 * fact is computed once, by the first thread that asks for it, while the others that ask wait for
 * it. Facts form a graph without cycles (a fact that reaches itself on one thread fails at once),
 * so a thread waiting on another's fact always ends.
 */
public final class Facts {

  private final RepoSnapshot snapshot;
  private final Map<Fact<?>, FutureTask<?>> cache = new ConcurrentHashMap<>();
  // Per thread, because each thread computes its own chain of facts.
  private final ThreadLocal<Deque<Fact<?>>> computing = ThreadLocal.withInitial(ArrayDeque::new);
  private final Set<Evidence> problems = new LinkedHashSet<>();

  public Facts(RepoSnapshot snapshot) {
    this.snapshot = snapshot;
  }

  public RepoSnapshot snapshot() {
    return snapshot;
  }

  /** The fact's value, computed on first use. */
  @SuppressWarnings("unchecked")
  public <T> T get(Fact<T> fact) {
    FutureTask<?> task = cache.get(fact);
    if (task != null && task.isDone()) {
      return (T) valueOf(task, fact);
    }
    Deque<Fact<?>> chain = computing.get();
    if (chain.contains(fact)) {
      throw new IllegalStateException("fact depends on itself: " + fact.name());
    }
    if (task == null) {
      FutureTask<T> mine = new FutureTask<>(() -> fact.computeFrom(this));
      task = cache.putIfAbsent(fact, mine);
      if (task == null) {
        task = mine;
        chain.push(fact);
        try {
          mine.run();
        } finally {
          chain.pop();
        }
      }
    }
    return (T) valueOf(task, fact);
  }

  private static Object valueOf(FutureTask<?> task, Fact<?> fact) {
    try {
      return task.get();
    } catch (ExecutionException e) {
      // The computing thread's own exception, unchanged, on every thread that asks for the fact.
      throw Futures.unchecked(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for fact " + fact.name(), e);
    }
  }

  /** Records a problem met while collecting facts (reported once, however often it is met). */
  public void problem(Evidence evidence) {
    synchronized (problems) {
      problems.add(evidence);
    }
  }

  public List<Evidence> problems() {
    synchronized (problems) {
      return List.copyOf(problems);
    }
  }
}
