package dev.fleetcheck.core.rules.err;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.Set;

/**
 * PY-ERR-007 (assisted): an API whose product code never names {@code error_code} (nor {@code
 * errorCode}) cannot answer errors with a stable code. PY-OBS-045 states the same signal; this is
 * its home.
 */
public final class MissingErrorCodes implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-ERR-007",
              Set.of(Profile.API),
              "Give every API error body a stable error_code field (e.g. a shared error model or"
                  + " exception handler that sets it) and document it in the OpenAPI schema.")
          .defined(
              "FAIL when error_code (or errorCode) appears nowhere in API product code as a name,"
                  + " key, keyword or field, nor in a committed OpenAPI file; else MANUAL."
                  + " NOT_APPLICABLE without product code.",
              Effort.MEDIUM);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return absentField(context, ErrorBodyFields.ERROR_CODE, "error_code");
  }

  /** FAIL at repository level when none of {@code names} occurs; MANUAL otherwise. */
  static Outcome absentField(RuleContext context, java.util.List<String> names, String field) {
    if (PythonCodebase.of(context.facts()).productModules().isEmpty()) {
      return Outcome.notApplicable("no Python product code");
    }
    if (context.fact(ErrorBodyFields.FACT).where(names).isPresent()) {
      return Outcome.noEvidentViolation();
    }
    return Outcome.fail(
        Evidence.repository(
            "no " + field + " field anywhere in API code or OpenAPI files: error bodies lack it"));
  }
}
