package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.SameObligation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * For rules whose evident violation is another rule's FAIL (the derived B+ rules, and clauses such
 * as "FAIL when PY-OBS-031 FAILs"): that defect is judged and scored at its home, so the rule gives
 * way with the note "same obligation as" naming the failing homes (RULES-NEXT "One home per
 * finding", docs/adr/0022).
 */
final class Homes {

  /** One fact per home, so a home that several rules consult is judged once more per scan. */
  private static final Map<String, Fact<Outcome>> OUTCOMES = new ConcurrentHashMap<>();

  private Homes() {}

  /**
   * The home's outcome, computed once per scan. The homes consulted here judge the repository alone
   * (none of them reads the detected profiles), so the fact is computed without them.
   */
  static Outcome outcomeOf(RuleContext context, Rule home) {
    Fact<Outcome> fact =
        OUTCOMES.computeIfAbsent(
            home.spec().id(),
            id -> Fact.of("home-" + id, facts -> home.check(new RuleContext(facts, Set.of()))));
    return context.fact(fact);
  }

  /**
   * NOT_APPLICABLE naming every home that FAILs, empty when none does.
   *
   * @param what the obligation with its verb, as in "a missing trace is"
   */
  static Optional<Outcome> failing(RuleContext context, String what, List<Rule> homes) {
    List<String> ids = new ArrayList<>();
    List<String> statuses = new ArrayList<>();
    for (Rule home : homes) {
      Outcome outcome = outcomeOf(context, home);
      if (outcome.status() == Status.FAIL) {
        ids.add(home.spec().id());
        statuses.add(home.spec().id() + ": " + SameObligation.statusOf(outcome));
      }
    }
    if (ids.isEmpty()) {
      return Optional.empty();
    }
    String status =
        ids.size() == 1
            ? statuses.get(0).substring(ids.get(0).length() + 2)
            : String.join("; ", statuses);
    return Optional.of(SameObligation.judgedAt(String.join(", ", ids), what, status));
  }
}
