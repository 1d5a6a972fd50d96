package dev.fleetcheck.core.rules.lcl;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;

/** PY-LCL-004: a `test-all` target (full suite) exists. */
public final class TestAllTarget implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-LCL-004",
              Profile.PYTHON,
              "Add a `test-all` target to the Makefile (or equivalent task runner) that runs every test tier, integration and e2e included (`uv run pytest`).")
          .defined(
              "The task runner is a Makefile or an equivalent (justfile, "
                  + "Taskfile.yml, poe tasks, nox sessions, tox environments); PASS when it "
                  + "has a `test-all` target, else FAIL.",
              Effort.LOW);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return TargetCheck.requireAll(context, "test-all");
  }
}
