package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.Set;

/**
 * PY-OBS-028 (assisted): a failed dependency call logs dependency.error with its error class and
 * code. Only the evident part is checked: product code calls a dependency ({@link BoundaryCalls})
 * and the event name {@code dependency.error} occurs nowhere. Whether every failure path logs it
 * stays manual.
 */
public final class DependencyErrorEvents implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-OBS-028",
              Set.of(Profile.API, Profile.LAMBDA),
              "Log each failed dependency call as the event dependency.error with the dependency"
                  + " name, operation, error class and error code (e.g. in one wrapper around the client).")
          .defined(
              "FAIL when product code calls an HTTP client, an AWS SDK client or a database and"
                  + " the event name dependency.error occurs nowhere in product code;"
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
        LogEvents.DEPENDENCY_ERROR,
        context
            .fact(BoundaryCalls.FACT)
            .first()
            .map(s -> s.at(s.call().written() + "(...) calls a dependency")),
        "product code calls no HTTP client, AWS SDK or database");
  }
}
