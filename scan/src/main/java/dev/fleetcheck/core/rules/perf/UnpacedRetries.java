package dev.fleetcheck.core.rules.perf;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.Decorator;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.ModuleCheck;
import dev.fleetcheck.core.rules.detect.ProductCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PY-PERF-003 (assisted): retries without backoff or without a limit. Missing timeouts are
 * PY-BEH-012/-020 findings and are scored there only (one home, docs/adr/0022); the loop that
 * retries with {@code continue} and no sleep, and circuit breaking, are left to a reviewer.
 */
public final class UnpacedRetries implements Rule, ModuleCheck {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-PERF-003",
              Set.of(Profile.PYTHON),
              "Give every retry a backoff and a limit: Retry(backoff_factor=...), tenacity"
                  + " @retry(wait=wait_exponential(...), stop=stop_after_attempt(...)).")
          .defined(
              "FAIL per urllib3/requests Retry(...) without backoff_factor (or with 0) and per"
                  + " tenacity retry/Retrying/AsyncRetrying without wait= or without stop= in"
                  + " product code; else MANUAL (timeouts are judged by PY-BEH-012/-020)."
                  + " NOT_APPLICABLE without product code.",
              Effort.LOW);

  private static final Set<String> URLLIB3_RETRY =
      Set.of(
          "urllib3.Retry",
          "urllib3.util.Retry",
          "urllib3.util.retry.Retry",
          "requests.adapters.Retry",
          "requests.packages.urllib3.util.retry.Retry");
  private static final Set<String> TENACITY =
      Set.of("tenacity.retry", "tenacity.Retrying", "tenacity.AsyncRetrying");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return ProductCode.outcome(context, this);
  }

  @Override
  public List<Evidence> findings(PythonModule module) {
    List<Evidence> findings = new ArrayList<>();
    for (Call call : module.calls()) {
      if (call.kwargsSplat()) {
        continue;
      }
      if (URLLIB3_RETRY.contains(call.callee()) && !retriesOff(call)) {
        Optional<PyValue> backoff = call.keyword("backoff_factor");
        if (backoff.isEmpty() || backoff.get() instanceof PyValue.Num n && zero(n)) {
          findings.add(
              Evidence.at(module.path(), call.line(), "Retry(...) retries without backoff_factor"));
        }
      } else if (TENACITY.contains(call.callee())) {
        String missing = tenacityMissing(call.hasKeyword("wait"), call.hasKeyword("stop"));
        if (missing != null) {
          findings.add(Evidence.at(module.path(), call.line(), call.written() + " " + missing));
        }
      }
    }
    for (Decorator decorator : module.decorators()) {
      if (decorator.name().equals("tenacity.retry") && !decorator.called()) {
        findings.add(
            Evidence.at(
                module.path(), decorator.line(), "@retry " + tenacityMissing(false, false)));
      }
    }
    return findings;
  }

  private static String tenacityMissing(boolean wait, boolean stop) {
    if (!wait && !stop) {
      return "retries immediately and forever: no wait= and no stop=";
    }
    if (!wait) {
      return "retries without backoff: no wait=";
    }
    return stop ? null : "retries forever: no stop=";
  }

  private static boolean retriesOff(Call call) {
    Optional<PyValue> total =
        call.positional().isEmpty() ? call.keyword("total") : Optional.of(call.positional().get(0));
    return total.isPresent()
        && (total.get().isFalse() || total.get() instanceof PyValue.Num n && zero(n));
  }

  private static boolean zero(PyValue.Num n) {
    return n.text().matches("0+(\\.0*)?");
  }
}
