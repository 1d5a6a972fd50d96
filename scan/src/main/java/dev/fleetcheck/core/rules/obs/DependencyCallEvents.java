package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.Set;

/**
 * PY-OBS-027 (assisted): each dependency call logs name, operation, duration and outcome. Only the
 * evident part is checked: product code calls a dependency ({@link BoundaryCalls}) and the event
 * name {@code dependency.call} occurs nowhere. Whether every call logs its fields stays manual.
 */
public final class DependencyCallEvents implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-OBS-027",
              Set.of(Profile.API, Profile.LAMBDA),
              "Log each dependency call as the event dependency.call with the dependency name,"
                  + " operation, duration_ms and outcome (e.g. one wrapper around the client).")
          .defined(
              "FAIL when product code calls an HTTP client, an AWS SDK client or a database and"
                  + " the event name dependency.call occurs nowhere in product code;"
                  + " NOT_APPLICABLE without such calls.",
              Effort.MEDIUM);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return EventPresence.outcome(
        context,
        LogEvents.DEPENDENCY_CALL,
        context
            .fact(BoundaryCalls.FACT)
            .first()
            .map(s -> s.at(s.call().written() + "(...) calls a dependency")),
        "product code calls no HTTP client, AWS SDK or database");
  }
}
