package dev.fleetcheck.core.rules.lcl;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;

/**
 * PY-LCL-014: pre-commit formats with Ruff (a hook id containing ruff-format, or an entry running
 * `ruff format`).
 */
public final class RuffFormatHook implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-LCL-014",
              Profile.PYTHON,
              "Add the `ruff-format` hook to .pre-commit-config.yaml (repo `https://github.com/astral-sh/ruff-pre-commit`, hook id `ruff-format`) and run `pre-commit install`.")
          .defined(
              "PASS when `.pre-commit-config.yaml` has a `ruff-format` hook, else " + "FAIL.",
              Effort.LOW);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return HookCheck.require(context, "ruff-format hook", hook -> hook.isFor("ruff-format"));
  }
}
