package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.ExceptHandler;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.python.Tokens;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.ArrayList;
import java.util.HashSet;
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
                  + " (logger.exception, exc_info=); NOT_APPLICABLE without product code. A"
                  + " handler that also logs the exception at ERROR or CRITICAL is not flagged."
                  + " Narrowed: nor is one that raises after the log (re-raise or translation):"
                  + " the exception, or the new one chaining it, goes up to the layer that logs"
                  + " it once at ERROR, and PY-OBS-047 asks such handlers not to log it at ERROR"
                  + " themselves.",
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
    PythonCodebase codebase = PythonCodebase.of(context.facts());
    List<Evidence> findings = new ArrayList<>();
    Optional<HandlerLogs.Logged> firstException = Optional.empty();
    for (PythonModule module : modules) {
      List<HandlerLogs.Logged> all = HandlerLogs.of(module, events);
      Set<ExceptHandler> loggedSevere = new HashSet<>();
      for (HandlerLogs.Logged logged : all) {
        if (logged.site().severe() && logged.recordsException()) {
          loggedSevere.add(logged.handler());
        }
      }
      for (HandlerLogs.Logged logged : all) {
        if (!logged.recordsException()) {
          continue;
        }
        if (firstException.isEmpty()) {
          firstException = Optional.of(logged);
        }
        if (BELOW_WARNING.contains(logged.site().level())
            && !loggedSevere.contains(logged.handler())
            && !raisesAfter(codebase, module, logged)) {
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

  /**
   * Whether a {@code raise} of the log's own handler can run after the log call (read on the token
   * stream, only for the few handlers that log below WARNING).
   */
  private static boolean raisesAfter(
      PythonCodebase codebase, PythonModule module, HandlerLogs.Logged logged) {
    Tokens t = codebase.tokens(module.path()).orElse(null);
    if (t == null) {
      return false;
    }
    ExceptHandler handler = logged.handler();
    int from = logged.site().call().line();
    for (int i = LoggedAndReraised.firstTokenAfter(t, from);
        i < t.size() && t.line(i) <= handler.lastLine();
        i++) {
      if (t.is(i, "raise")
          && HandlerLogs.innermost(module, t.line(i)).filter(handler::equals).isPresent()
          && LoggedAndReraised.reachable(t, from, i)) {
        return true;
      }
    }
    return false;
  }
}
