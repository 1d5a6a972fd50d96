package dev.fleetcheck.core.rules.sec;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.secrets.SecretFinding;
import dev.fleetcheck.core.secrets.SecretFindings;
import dev.fleetcheck.core.secrets.SecretScan;
import java.util.EnumSet;
import java.util.List;

/**
 * PY-SEC-041: no credential is hard-coded in any tracked text file, test code included. One piece
 * of evidence per finding, naming kind, file, line and fingerprint, never the value.
 */
public final class HardCodedSecrets implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-SEC-041",
              EnumSet.allOf(Profile.class),
              "Remove the credential from the repository and rotate it (it stays in git history);"
                  + " read it at run time from the environment or a secrets manager, and keep local"
                  + " values in an untracked .env file.")
          .defined(
              "FAIL per hard-coded credential in any tracked text file, test code "
                  + "included: AWS key IDs and secret keys, GitHub, GitLab, Slack, Stripe "
                  + "and Google tokens, PEM private keys, URLs with an embedded password, "
                  + "high-entropy literals assigned to secret-like names; placeholders "
                  + "never count and the value is never shown (kind, file, line, "
                  + "fingerprint). PASS otherwise.",
              Effort.MEDIUM);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    SecretScan scan = context.fact(SecretFindings.FACT);
    if (scan.clean()) {
      return Outcome.pass(
          Evidence.repository(
              "no hard-coded credential in " + scan.filesScanned() + " text files"));
    }
    List<Evidence> evidence = scan.findings().stream().map(HardCodedSecrets::evidenceOf).toList();
    return Outcome.fail(evidence);
  }

  private static Evidence evidenceOf(SecretFinding finding) {
    return Evidence.at(finding.path(), finding.line(), finding.describe());
  }
}
