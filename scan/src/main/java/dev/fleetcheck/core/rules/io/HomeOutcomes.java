package dev.fleetcheck.core.rules.io;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.rules.RuleContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The outcome of a rule that others defer to ({@link dev.fleetcheck.core.rules.SameObligation}),
 * judged once per scan: the home rule and every rule that reports the home's status ask here, and
 * whichever asks first judges while the others wait for its answer (docs/adr/0030). Each home's
 * outcome is a fact of the scan, so {@code Facts} does the waiting, refuses a home that asks for
 * itself while judging, and hands a failed judgement to every asker. Only a home that judges the
 * repository alone may ask here: one that reads the detected profiles (such as PY-OBS-038's Lambda
 * clause) would answer differently to callers with other profiles, and the observability rules'
 * {@code Homes} judges homes without profiles. Then who asks first never changes the outcome.
 */
public final class HomeOutcomes {

  private static final Fact<HomeOutcomes> FACT =
      Fact.of("rules.home-outcomes", facts -> new HomeOutcomes());

  // One fact per home and scan: its computation is the first asker's judgement.
  private final Map<String, Fact<Outcome>> homes = new ConcurrentHashMap<>();

  private HomeOutcomes() {}

  /** The outcome of the rule {@code homeId} in {@code context}, from {@code judge} at most once. */
  public static Outcome of(RuleContext context, String homeId, Supplier<Outcome> judge) {
    Fact<Outcome> home =
        context.fact(FACT).homes.computeIfAbsent(homeId, id -> Fact.of(id, facts -> judge.get()));
    return context.fact(home);
  }
}
