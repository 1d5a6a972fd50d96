package dev.fleetcheck.core.rules.lcl;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;

/** PY-LCL-005: a CLI has a `run` target. */
public final class RunTarget implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
          "PY-LCL-005",
          Profile.CLI,
          "Add a `run` target to the Makefile (or equivalent task runner) that runs the CLI locally with safe defaults and no cloud dependencies (`uv run <command> --help`).");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return TargetCheck.requireAll(context, "run");
  }
}
