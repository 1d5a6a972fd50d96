package dev.fleetcheck.core.rules.qg;

import dev.fleetcheck.core.facts.ci.CiTool;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;

/**
 * PY-QG-001: CI runs the linter, Ruff, directly or through the task runner, pre-commit or a
 * repository script (RULES.md, "CI (PY-QG-001/002)"). Black alone does not count.
 */
public final class CiRunsLinter implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-QG-001",
              Profile.PYTHON,
              "Run the lint gate in CI: a step such as `make lint` (whose target runs `ruff check` and"
                  + " `ruff format --check`), `uv run ruff check .`, or pre-commit with a ruff hook.")
          .defined(
              "PASS when a CI config (`.github/workflows/*.yml`, `.gitlab-ci.yml`, "
                  + "`Jenkinsfile`, `.circleci/config.yml`, `azure-pipelines.yml`, "
                  + "`bitbucket-pipelines.yml`) runs the linter (`make lint`, `ruff`, also "
                  + "through a `${VAR}`/path prefix or a followed script), else FAIL.",
              Effort.LOW);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return CiGate.judge(context, CiTool.LINTER);
  }
}
