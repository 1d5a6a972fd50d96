package dev.fleetcheck.core.rules.lcl;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;

/** PY-LCL-016: pre-commit runs mypy or pyright. */
public final class TypeCheckHook implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-LCL-016",
              Profile.PYTHON,
              "Add a type-check hook to .pre-commit-config.yaml: `https://github.com/pre-commit/mirrors-mypy` (id `mypy`), or a local hook with `entry: uv run mypy` and `language: system`.")
          .defined(
              "PASS when `.pre-commit-config.yaml` has a `mypy` or `pyright` hook, " + "else FAIL.",
              Effort.LOW);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return HookCheck.require(
        context,
        "type-check hook (mypy or pyright)",
        hook -> hook.isFor("mypy") || hook.isFor("pyright"));
  }
}
