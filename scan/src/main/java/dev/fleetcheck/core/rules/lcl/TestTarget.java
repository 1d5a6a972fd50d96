package dev.fleetcheck.core.rules.lcl;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;

/** PY-LCL-003: a `test` target (fast lane) exists. */
public final class TestTarget implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-LCL-003",
              Profile.PYTHON,
              "Add a `test` target to the Makefile (or equivalent task runner) that runs the fast unit tests (`uv run pytest -m \"not integration and not e2e\"`).")
          .defined(
              "The task runner is a Makefile or an equivalent (justfile, "
                  + "Taskfile.yml, poe tasks, nox sessions, tox environments); PASS when it "
                  + "has a `test` target, else FAIL.",
              Effort.LOW);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return TargetCheck.requireAll(context, "test");
  }
}
