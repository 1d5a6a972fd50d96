package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.facts.pysource.PythonSources;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.ModuleValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PY-OBS-003 (assisted): the run id appears in verbose logs, errors and structured output. No run
 * id at all is PY-OBS-002's FAIL (same obligation, scored there). Otherwise FAIL when the run id is
 * generated but never handed on: no call in CLI product code takes it as an argument, keyword, dict
 * key or f-string field ({@code run_id}, {@code runId}, {@code invocation_id}), and no attribute
 * {@code .run_id = ...} is set (a logging filter's record). Which outputs carry it stays manual.
 */
public final class RunIdInOutput implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-OBS-003",
              Set.of(Profile.CLI),
              "Pass the run id to every log record (a filter or structlog binding), to error"
                  + " messages and to structured output.")
          .defined(
              "FAIL when a run id is generated but no call takes it (argument, keyword, dict key,"
                  + " f-string field) and no .run_id attribute is set; gives way to PY-OBS-002 when"
                  + " no run id exists.",
              Effort.LOW);

  private static final Set<String> NAMES = Set.of("run_id", "runId", "invocation_id");
  private static final Pattern MENTION = Pattern.compile("\\b(run_id|runId|invocation_id)\\b");
  private static final Pattern ATTRIBUTE =
      Pattern.compile("\\.(run_id|runId|invocation_id)\\s*=(?!=)");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    Optional<Outcome> missing = Homes.failing(context, "a missing run id is", List.of(new RunId()));
    if (missing.isPresent()) {
      return missing.get();
    }
    List<PythonModule> modules = PythonCodebase.of(context.facts()).productModules();
    if (modules.isEmpty()) {
      return Outcome.notApplicable("no Python product code");
    }
    boolean handedOn =
        modules.stream().flatMap(m -> m.calls().stream()).anyMatch(RunIdInOutput::takesRunId)
            || NAMES.stream()
                .anyMatch(n -> context.fact(PythonSources.FACT).find(n, ATTRIBUTE, n).isPresent());
    if (handedOn) {
      return Outcome.noEvidentViolation();
    }
    return Outcome.fail(
        Evidence.repository(
            "the run id is generated but never passed to a log, error or output call"));
  }

  private static boolean takesRunId(Call call) {
    if (call.keywords().keySet().stream().anyMatch(NAMES::contains)) {
      return true;
    }
    List<PyValue> values = new ArrayList<>(call.positional());
    values.addAll(call.keywords().values());
    for (PyValue value : values) {
      if (value instanceof PyValue.Name || value instanceof PyValue.Expr) {
        if (MENTION.matcher(ModuleValues.text(value)).find()) {
          return true;
        }
      } else if (value instanceof PyValue.Dict dict
          && dict.entries().stream()
              .anyMatch(
                  e ->
                      NAMES.contains(ModuleValues.text(e.key()))
                          || MENTION.matcher(ModuleValues.text(e.value())).find())) {
        return true;
      }
    }
    return false;
  }
}
