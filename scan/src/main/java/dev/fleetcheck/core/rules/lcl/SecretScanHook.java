package dev.fleetcheck.core.rules.lcl;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;

/** PY-LCL-017: pre-commit scans for secrets. */
public final class SecretScanHook implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-LCL-017",
              Profile.PYTHON,
              "Add a secret-scanning hook to .pre-commit-config.yaml: repo `https://github.com/gitleaks/gitleaks` with hook id `gitleaks`.")
          .defined(
              "PASS when `.pre-commit-config.yaml` has a secret-scanning hook "
                  + "(gitleaks, detect-secrets, trufflehog), else FAIL.",
              Effort.LOW);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return HookCheck.require(
        context,
        "secret-scanning hook (gitleaks, detect-secrets, trufflehog, ggshield)",
        hook ->
            hook.isFor("gitleaks")
                || hook.isFor("detect-secrets")
                || hook.isFor("trufflehog")
                || hook.isFor("ggshield"));
  }
}
