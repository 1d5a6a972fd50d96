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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PY-OBS-014: CLI logs are named events: product code emits both {@code command.start} and {@code
 * command.end} as the message literal or {@code event=} literal of a log call ({@link
 * dev.fleetcheck.core.python.LogCalls}).
 */
public final class CommandEvents implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-OBS-014",
              Profile.CLI,
              "Log named events: `log.info(\"command.start\", command=name, run_id=run_id)` when a"
                  + " command starts and `log.info(\"command.end\", exit_code=code)` when it ends.")
          .defined(
              "PASS when product code emits both `command.start` and `command.end` as "
                  + "the message literal (the second argument of `.log(level, ...)`) or the "
                  + "`event=` literal of a log call: `logging.<level>()`, or a level method "
                  + "on a logger bound to `logging.getLogger`, `structlog.get_logger`, "
                  + "powertools `Logger` or loguru's `logger`, a `bind()`/`new()`/`opt()` "
                  + "of one, or a name ending in `logger`/`log` (a logger imported from "
                  + "elsewhere in the project); `print`, metrics and strings do not count "
                  + "(`python.LogCalls`, the log-call detector of family F8)",
              Effort.LOW);

  private static final List<String> EVENTS = List.of("command.start", "command.end");

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
    Map<String, Evidence> found = new LinkedHashMap<>();
    // The log calls of product code, in path order: the ones LogCalls finds module by module.
    for (LogEvents.Site site : context.fact(LogEvents.FACT).sites()) {
      for (String name : site.literalNames()) {
        if (EVENTS.contains(name)) {
          found.putIfAbsent(name, site.at("log event `" + name + "`"));
        }
      }
    }
    if (found.size() == EVENTS.size()) {
      return Outcome.pass(new ArrayList<>(found.values()));
    }
    List<Evidence> evidence = new ArrayList<>(found.values());
    List<String> missing = EVENTS.stream().filter(e -> !found.containsKey(e)).toList();
    evidence.add(
        Evidence.repository(
            "no log call emits the event "
                + String.join(" or ", missing)
                + " (as its message or event= literal)"));
    return Outcome.fail(evidence);
  }
}
