package dev.fleetcheck.core.rules.io;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.rules.RuleContext;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * The outcome of a rule that others defer to ({@link dev.fleetcheck.core.rules.SameObligation}),
 * judged once per scan: the home rule and every rule that reports the home's status ask here, and
 * whichever asks first judges while the others wait for its answer (docs/adr/0030). Only a home
 * that judges the repository alone may ask here: one that reads the detected profiles (such as
 * PY-OBS-038's Lambda clause) would answer differently to callers with other profiles, and the
 * observability rules' {@code Homes} judges homes without profiles. Then who asks first never
 * changes the outcome.
 */
public final class HomeOutcomes {

  private static final Fact<HomeOutcomes> FACT =
      Fact.of("rules.home-outcomes", facts -> new HomeOutcomes());

  private final ConcurrentMap<String, FutureTask<Outcome>> judged = new ConcurrentHashMap<>();

  /** The homes this thread is judging: one that asked for itself would wait on itself forever. */
  private final ThreadLocal<Set<String>> judging = ThreadLocal.withInitial(HashSet::new);

  private HomeOutcomes() {}

  /** The outcome of the rule {@code homeId} in {@code context}, from {@code judge} at most once. */
  public static Outcome of(RuleContext context, String homeId, Supplier<Outcome> judge) {
    return context.fact(FACT).judgedOnce(homeId, judge);
  }

  private Outcome judgedOnce(String key, Supplier<Outcome> judge) {
    if (judging.get().contains(key)) {
      throw new IllegalStateException(key + " asks for its own outcome while judging it");
    }
    FutureTask<Outcome> task =
        new FutureTask<>(
            () -> {
              judging.get().add(key);
              try {
                return judge.get();
              } finally {
                judging.get().remove(key);
              }
            });
    FutureTask<Outcome> first = judged.putIfAbsent(key, task);
    if (first == null) {
      first = task;
      first.run();
    }
    try {
      return first.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while another rule judged " + key, e);
    }
  }
}
