package dev.fleetcheck.core.rules.lcl;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;

/** PY-LCL-032: a `doctor` environment-check target exists. */
public final class DoctorTarget implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
          "PY-LCL-032",
          Profile.PYTHON,
          "Add a `doctor` target to the Makefile (or equivalent task runner) that checks the environment: Python and uv versions, required tools on PATH, and settings, each with a clear message.");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return TargetCheck.requireAll(context, "doctor");
  }
}
