package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PY-OBS-046 (assisted): each exception is logged once at ERROR with codes, ids and trace. Under
 * RULES-NEXT's decision on exception levels (a handled, recovered exception may be WARNING), a
 * finding per except-handler log call that records the caught exception ({@link HandlerLogs}) at
 * DEBUG or INFO; and one finding when handlers log exceptions but no log call in product code keeps
 * a trace ({@code logger.exception}, {@code exc_info=}). Swallowed exceptions are PY-ERR-001's.
 */
public final class ExceptionsLoggedBelowWarning implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-OBS-046",
              Set.of(Profile.API, Profile.LAMBDA),
              "Log a failing exception once at ERROR with logger.exception (or exc_info=True);"
                  + " a handled and recovered one at WARNING, never DEBUG or INFO.")
          .defined(
              "FAIL per except-handler log call that records the caught exception at DEBUG or"
                  + " INFO, and once when handlers log exceptions but no log call keeps a trace"
                  + " (logger.exception, exc_info=); NOT_APPLICABLE without product code.",
              Effort.LOW);

  private static final Set<String> BELOW_WARNING = Set.of("debug", "info");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<PythonModule> modules = PythonCodebase.of(context.facts()).productModules();
    if (modules.isEmpty()) {
      return Outcome.notApplicable("no Python product code");
    }
    LogEvents events = context.fact(LogEvents.FACT);
    List<Evidence> findings = new ArrayList<>();
    Optional<HandlerLogs.Logged> firstException = Optional.empty();
    for (PythonModule module : modules) {
      for (HandlerLogs.Logged logged : HandlerLogs.of(module, events)) {
        if (!logged.recordsException()) {
          continue;
        }
        if (firstException.isEmpty()) {
          firstException = Optional.of(logged);
        }
        if (BELOW_WARNING.contains(logged.site().level())) {
          findings.add(
              logged
                  .site()
                  .at("the caught exception is logged at " + logged.site().level() + " level"));
        }
      }
    }
    boolean traceKept =
        events.sites().stream()
            .anyMatch(
                s ->
                    s.call().name().equals("exception")
                        || s.call()
                            .keyword("exc_info")
                            .filter(v -> !v.isFalse() && !v.isNone())
                            .isPresent());
    if (firstException.isPresent() && !traceKept) {
      findings.add(
          firstException
              .get()
              .site()
              .at(
                  "exceptions are logged without their trace: no logger.exception or exc_info="
                      + " anywhere in product code"));
    }
    return Outcome.assisted(findings);
  }
}
