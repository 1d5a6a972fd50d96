package dev.fleetcheck.core.rules.lcl;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;

/** PY-LCL-015: pre-commit lints with Ruff (a ruff or ruff-check hook, not only ruff-format). */
public final class RuffLintHook implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-LCL-015",
              Profile.PYTHON,
              "Add the Ruff lint hook to .pre-commit-config.yaml (repo `https://github.com/astral-sh/ruff-pre-commit`, hook id `ruff-check`, with `args: [--fix]`).")
          .defined(
              "PASS when `.pre-commit-config.yaml` has a `ruff` or `ruff-check` hook, "
                  + "else FAIL.",
              Effort.LOW);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return HookCheck.require(context, "ruff lint hook", RuffConfigured::isRuffCheckHook);
  }
}
