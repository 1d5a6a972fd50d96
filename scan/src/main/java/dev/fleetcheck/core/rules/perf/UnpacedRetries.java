package dev.fleetcheck.core.rules.perf;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.SameObligation;
import dev.fleetcheck.core.rules.detect.ProductCode;
import dev.fleetcheck.core.rules.detect.RetryBackoff;
import java.util.Set;

/**
 * PY-PERF-003 (assisted): retries without backoff or without a limit. Missing timeouts are
 * PY-BEH-012/-020 findings and are scored there only (one home, docs/adr/0022); the loop that
 * retries with {@code continue} and no sleep, and circuit breaking, are left to a reviewer. In a
 * CLI the retry findings are scored under PY-SEC-004 (shared detector {@code RetryBackoff}).
 */
public final class UnpacedRetries implements Rule {

  /** In a CLI the same retries are PY-SEC-004's findings (required there): one home. */
  private static final String SEC_HOME = "PY-SEC-004";

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-PERF-003",
              Set.of(Profile.PYTHON),
              "Give every retry a backoff and a limit: Retry(backoff_factor=...), tenacity"
                  + " @retry(wait=wait_exponential(...), stop=stop_after_attempt(...)).")
          .defined(
              "FAIL per urllib3/requests Retry(...) without backoff_factor (or with 0) and per"
                  + " tenacity retry/Retrying/AsyncRetrying without wait= or without stop= in"
                  + " product code; in a CLI these are PY-SEC-004's findings (NOT_APPLICABLE, same"
                  + " obligation); else MANUAL (timeouts are judged by PY-BEH-012/-020)."
                  + " NOT_APPLICABLE without product code.",
              Effort.LOW);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    Outcome retries = ProductCode.outcome(context, RetryBackoff::findings);
    if (retries.status() == Status.FAIL && context.has(Profile.CLI)) {
      return SameObligation.judgedAt(
          SEC_HOME,
          "a retry without backoff or limit in a CLI is",
          Status.FAIL + ", " + retries.evidence().size() + " finding(s)");
    }
    return retries;
  }
}
