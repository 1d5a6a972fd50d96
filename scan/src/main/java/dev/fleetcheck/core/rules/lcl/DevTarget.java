package dev.fleetcheck.core.rules.lcl;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;

/** PY-LCL-001: a `dev` bootstrap target exists. */
public final class DevTarget implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-LCL-001",
              Profile.PYTHON,
              "Add a `dev` target to the Makefile (or justfile, Taskfile, poe/hatch/nox/tox) that installs tooling and dependencies and prepares the local environment (`uv sync`).")
          .defined(
              "The task runner is a Makefile or an equivalent (justfile, "
                  + "Taskfile.yml, poe tasks, nox sessions, tox environments); PASS when it "
                  + "has a `dev` (bootstrap) target, else FAIL naming the runner read.",
              Effort.LOW);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return TargetCheck.requireAll(context, "dev");
  }
}
