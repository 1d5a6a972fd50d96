package dev.fleetcheck.core.rules.lcl;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;

/** PY-LCL-023: a `test-watch` target exists. */
public final class TestWatchTarget implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-LCL-023",
              Profile.PYTHON,
              "Add a `test-watch` target to the Makefile (or equivalent task runner) that reruns the tests on change (`uv run ptw .` with pytest-watcher).")
          .defined(
              "The task runner is a Makefile or an equivalent (justfile, "
                  + "Taskfile.yml, poe tasks, nox sessions, tox environments); PASS when it "
                  + "has a `test-watch` target, else FAIL.",
              Effort.LOW);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return TargetCheck.requireAll(context, "test-watch");
  }
}
