package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.facts.pysource.PythonSources;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * PY-OBS-061: Lambda cold starts are visible: the powertools Logger (which adds {@code cold_start}
 * to every line), or a {@code cold_start} field logged by the function's own code.
 */
public final class ColdStartVisible implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-OBS-061",
              Profile.LAMBDA,
              "Make cold starts visible: use the powertools Logger with `@logger.inject_lambda_context`"
                  + " (it logs cold_start), or log a one-time `cold_start` event per container.")
          .defined(
              "PASS when cold starts are visible: the powertools Logger, or a "
                  + "`cold_start` field logged; else FAIL.",
              Effort.LOW);

  private static final Pattern POWERTOOLS_LOGGER =
      Pattern.compile(
          "aws_lambda_powertools(?:\\.logging)?\\s+import\\s+[^\\n]*\\bLogger\\b"
              + "|aws_lambda_powertools\\.Logger\\b|aws_lambda_powertools\\.logging");
  private static final Pattern COLD_START = Pattern.compile("\\bcold_start\\b");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    PythonSources sources = context.fact(PythonSources.FACT);
    Optional<Evidence> found =
        sources
            .find("aws_lambda_powertools", POWERTOOLS_LOGGER, "powertools Logger logs cold_start")
            .or(() -> sources.find("cold_start", COLD_START, "cold_start logged"));
    return found
        .map(Outcome::pass)
        .orElseGet(
            () ->
                Outcome.fail(
                    Evidence.repository(
                        "cold starts are not visible: no powertools Logger and no cold_start"
                            + " field in the function code")));
  }
}
