package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PY-OBS-001 (assisted, derived): the observability baseline for CLIs and APIs. Its violations are
 * other rules' FAILs: for a CLI PY-OBS-002 or PY-OBS-011, for an API PY-OBS-004, -006, -012 or
 * -025. Those are judged and scored at their homes, so this rule gives way with "same obligation
 * as" naming them (RULES-NEXT: derived rules take the home's outcome); otherwise MANUAL.
 */
public final class ObservabilityBaseline implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-OBS-001",
              Set.of(Profile.CLI, Profile.API),
              "Meet the baseline: a CLI generates a run id and stays quiet by default; an API"
                  + " accepts and returns a correlation id, logs JSON and logs request.start once.")
          .defined(
              "Derived: when PY-OBS-002 or PY-OBS-011 (CLI), or PY-OBS-004, -006, -012 or -025"
                  + " (API) FAILs, NOT_APPLICABLE naming them (same obligation, scored there);"
                  + " else MANUAL.",
              Effort.HIGH);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<Rule> homes = new ArrayList<>();
    if (context.has(Profile.CLI)) {
      homes.add(new RunId());
      homes.add(new QuietCliLogging());
    }
    if (context.has(Profile.API)) {
      homes.add(new CorrelationIdInbound());
      homes.add(new CorrelationIdHeader());
      homes.add(new StructuredLogging());
      homes.add(new RequestStartLog());
    }
    return Homes.failing(context, "a gap in the observability baseline is", homes)
        .orElseGet(Outcome::noEvidentViolation);
  }
}
