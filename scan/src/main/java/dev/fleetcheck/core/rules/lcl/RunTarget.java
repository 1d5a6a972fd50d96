package dev.fleetcheck.core.rules.lcl;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;

/** PY-LCL-005: a CLI has a `run` target. */
public final class RunTarget implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-LCL-005",
              Profile.CLI,
              "Add a `run` target to the Makefile (or equivalent task runner) that runs the CLI locally with safe defaults and no cloud dependencies (`uv run <command> --help`).")
          .defined(
              "The task runner is a Makefile or an equivalent (justfile, "
                  + "Taskfile.yml, poe tasks, nox sessions, tox environments); PASS when it "
                  + "has a `run` target, else FAIL.",
              Effort.LOW);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return TargetCheck.requireAll(context, "run");
  }
}
