package dev.fleetcheck.core.rules.lcl;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;

/** PY-LCL-025: one target per test tier: test-unit, test-integration, test-e2e. */
public final class TestTierTargets implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-LCL-025",
              Profile.PYTHON,
              "Add `test-unit`, `test-integration` and `test-e2e` targets to the Makefile (or"
                  + " equivalent task runner), each selecting its tier by pytest marker (`uv run pytest"
                  + " -m integration`).")
          .defined(
              "The task runner is a Makefile or an equivalent (justfile, "
                  + "Taskfile.yml, poe tasks, nox sessions, tox environments); PASS when it "
                  + "has `test-unit`, `test-integration` and `test-e2e` targets, else FAIL "
                  + "listing the missing ones.",
              Effort.LOW);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return TargetCheck.requireAll(context, "test-unit", "test-integration", "test-e2e");
  }
}
