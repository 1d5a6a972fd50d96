package dev.fleetcheck.core.rules.sec;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.SameObligation;
import dev.fleetcheck.core.rules.beh.ApiHttpTimeouts;
import dev.fleetcheck.core.rules.beh.HttpTimeouts;
import dev.fleetcheck.core.rules.detect.ProductCode;
import dev.fleetcheck.core.rules.detect.RetryBackoff;
import java.util.List;
import java.util.Set;

/**
 * PY-SEC-004 (assisted): retries that hammer a remote service. urllib3's {@code Retry(...)} without
 * {@code backoff_factor=}, tenacity's {@code @retry}, {@code Retrying(...)} or {@code
 * AsyncRetrying(...)} without {@code wait=} or without {@code stop=}. Calls without a timeout are
 * PY-BEH-012's findings (PY-BEH-020's in an API): with no retry finding, this rule gives way to
 * that home when it fails (one home per finding). Not checked: hand-written retry loops that {@code
 * continue} without sleeping.
 */
public final class RetriesWithoutBackoff implements Rule {

  private static final String TIMEOUT_HOME = "PY-BEH-012";

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-SEC-004",
              Set.of(Profile.CLI),
              "Retry remote calls with bounded attempts and exponential backoff (urllib3"
                  + " Retry(backoff_factor=...), tenacity stop= and wait=), each with a timeout.")
          .defined(
              "FAIL per urllib3 `Retry(...)` without `backoff_factor=` (no-retry `Retry(0)`"
                  + " exempt) and per tenacity `@retry`, `Retrying(...)` or `AsyncRetrying(...)`"
                  + " without `wait=` or without `stop=`. Calls without a timeout are judged under"
                  + " PY-BEH-012 (PY-BEH-020 in an api): when that home fails and no retry finding"
                  + " exists, NOT_APPLICABLE with the note \"same obligation\". Hand-written retry"
                  + " loops are not checked. NOT_APPLICABLE without product code.",
              Effort.LOW);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    Outcome retries = ProductCode.outcome(context, RetryBackoff::findings);
    if (retries.status() != Status.MANUAL) {
      return retries;
    }
    List<Evidence> timeouts = context.fact(HttpTimeouts.FINDINGS);
    if (!timeouts.isEmpty()) {
      String home = context.has(Profile.API) ? ApiHttpTimeouts.ID : TIMEOUT_HOME;
      return SameObligation.judgedAt(
          home,
          "a remote call without a timeout is",
          Status.FAIL + ", " + timeouts.size() + " finding(s)");
    }
    return retries;
  }
}
