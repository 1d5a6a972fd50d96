package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.List;
import java.util.Set;

/**
 * PY-OBS-018 (assisted): logs use the baseline event names. FAIL when none of the names the
 * standard itself states ({@code request.start}, {@code request.end}, {@code dependency.call},
 * {@code dependency.error}, {@code security.audit}) occurs in API product code; the rest of the
 * taxonomy lives in an include the standard does not contain, so any use stays manual.
 */
public final class BaselineEventNames implements Rule {

  static final List<String> NAMES =
      List.of(
          LogEvents.REQUEST_START,
          LogEvents.REQUEST_END,
          LogEvents.DEPENDENCY_CALL,
          LogEvents.DEPENDENCY_ERROR,
          LogEvents.AUDIT);

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-OBS-018",
              Set.of(Profile.API),
              "Name log events with the baseline names: request.start, request.end,"
                  + " dependency.call, dependency.error and security.audit.")
          .defined(
              "FAIL when none of request.start, request.end, dependency.call, dependency.error,"
                  + " security.audit occurs as a string literal in API product code;"
                  + " NOT_APPLICABLE without product code.",
              Effort.MEDIUM);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    if (PythonCodebase.of(context.facts()).productModules().isEmpty()) {
      return Outcome.notApplicable("no Python product code");
    }
    LogEvents events = context.fact(LogEvents.FACT);
    if (NAMES.stream().anyMatch(name -> events.occurs(name).isPresent())) {
      return Outcome.noEvidentViolation();
    }
    return Outcome.fail(
        Evidence.repository(
            "no baseline event name (" + String.join(", ", NAMES) + ") occurs in product code"));
  }
}
