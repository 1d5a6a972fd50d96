package dev.fleetcheck.core.rules.qg;

import dev.fleetcheck.core.facts.ci.CiTool;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;

/**
 * PY-QG-002: CI runs the tests with a Python test runner (pytest, unittest, tox, nox), directly or
 * through the task runner, pre-commit or a repository script. JavaScript runners do not count.
 */
public final class CiRunsTests implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-QG-002",
              Profile.PYTHON,
              "Run the test gate in CI: a step such as `make test` (whose target runs pytest) or"
                  + " `uv run pytest`.")
          .defined(
              "PASS when a CI config runs the tests (`make test`, `pytest`, `tox`, "
                  + "`nox`, also through a `${VAR}`/path prefix or a followed script), else "
                  + "FAIL.",
              Effort.LOW);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return CiGate.judge(context, CiTool.TESTS);
  }
}
