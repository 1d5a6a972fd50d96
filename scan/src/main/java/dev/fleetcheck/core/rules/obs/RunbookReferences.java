package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.facts.pysource.PythonSources;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PY-OBS-050 (assisted): ERROR and CRITICAL logs carry a runbook reference. FAIL when product code
 * has log calls at ERROR or above and the code holds no runbook reference anywhere: no name, key,
 * keyword or string containing "runbook" (any case) and no literal like {@code RUN-API-001} (a
 * logging filter or processor adding one counts, comments do not). Which errors are operationally
 * meaningful stays manual.
 */
public final class RunbookReferences implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-OBS-050",
              Set.of(Profile.API, Profile.LAMBDA),
              "Give operationally meaningful ERROR/CRITICAL logs a runbook reference, e.g."
                  + " extra={\"runbook\": \"RUN-API-001\"}.")
          .defined(
              "FAIL when product code logs at ERROR or CRITICAL and no runbook reference (a"
                  + " runbook key, keyword or string, or a RUN-XXX-000 literal) occurs anywhere in"
                  + " product code; NOT_APPLICABLE without such log calls.",
              Effort.LOW);

  private static final Pattern RUNBOOK = Pattern.compile("(?i)runbook");
  private static final Pattern RUN_ID = Pattern.compile("RUN-[A-Z]+-[0-9]+");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    Optional<LogEvents.Site> severe =
        context.fact(LogEvents.FACT).sites().stream().filter(LogEvents.Site::severe).findFirst();
    if (severe.isEmpty()) {
      return Outcome.notApplicable("no log call at ERROR or CRITICAL in product code");
    }
    PythonSources sources = context.fact(PythonSources.FACT);
    boolean referenced =
        sources.find("unbook", RUNBOOK, "runbook").isPresent()
            || sources.find("UNBOOK", RUNBOOK, "runbook").isPresent()
            || sources.find("RUN-", RUN_ID, "runbook").isPresent();
    if (referenced) {
      return Outcome.noEvidentViolation();
    }
    return Outcome.fail(
        severe
            .get()
            .at(
                severe.get().call().written()
                    + "(...) logs at ERROR, and no log in product code carries a runbook"
                    + " reference"));
  }
}
