package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.List;
import java.util.Set;

/**
 * PY-OBS-032 (assisted, derived): spans cover the entrypoint, use cases and each boundary call. The
 * evident violation is no tracing at all, PY-OBS-031's FAIL: judged and scored there, this rule
 * gives way with "same obligation as PY-OBS-031"; otherwise MANUAL (span coverage).
 */
public final class TracedSpans implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-OBS-032",
              Set.of(Profile.API, Profile.LAMBDA),
              "Trace the entrypoint, each use case and each boundary call (framework and client"
                  + " instrumentors, plus spans around use cases).")
          .defined(
              "Derived: when PY-OBS-031 FAILs (no tracing), NOT_APPLICABLE with \"same"
                  + " obligation as PY-OBS-031\"; else MANUAL.",
              Effort.MEDIUM);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return Homes.failing(context, "an untraced service is", List.of(new Tracing()))
        .orElseGet(Outcome::noEvidentViolation);
  }
}
