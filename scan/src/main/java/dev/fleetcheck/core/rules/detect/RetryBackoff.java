package dev.fleetcheck.core.rules.detect;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.Decorator;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Shared detector (RULES-NEXT family F12) for PY-SEC-004 and PY-PERF-003: retries without backoff
 * or without a limit. urllib3's {@code Retry(...)} without {@code backoff_factor=} (or with 0;
 * {@code Retry(0)}, {@code Retry(False)} and {@code total=0} do not retry), tenacity's {@code
 * @retry}, {@code Retrying(...)} or {@code AsyncRetrying(...)} without {@code wait=} or without
 * {@code stop=}. Hand-written retry loops are not judged.
 */
public final class RetryBackoff {

  private static final Set<String> URLLIB3_RETRY =
      Set.of(
          "urllib3.Retry",
          "urllib3.util.Retry",
          "urllib3.util.retry.Retry",
          "requests.adapters.Retry",
          "requests.packages.urllib3.util.retry.Retry",
          "requests.packages.urllib3.Retry");
  private static final Set<String> TENACITY =
      Set.of(
          "tenacity.retry",
          "tenacity.Retrying",
          "tenacity.AsyncRetrying",
          "tenacity.asyncio.AsyncRetrying");

  /** The last parts of {@link #URLLIB3_RETRY} and {@link #TENACITY}. */
  private static final List<String> LAST_PARTS =
      List.of("Retry", "retry", "Retrying", "AsyncRetrying");

  private RetryBackoff() {}

  public static List<Evidence> findings(PythonModule module) {
    // Every finding is a call or decorator resolved to one of these names: its last part is
    // spelled in the module, in the call or in the import it came from (Vocabulary).
    if (!module.mentionsAny(LAST_PARTS)) {
      return new ArrayList<>();
    }
    List<Evidence> findings = new ArrayList<>();
    for (Call call : module.calls()) {
      if (call.kwargsSplat()) {
        continue;
      }
      if (URLLIB3_RETRY.contains(call.callee()) && retries(call)) {
        Optional<PyValue> backoff = call.keyword("backoff_factor");
        if (backoff.isEmpty() || backoff.get() instanceof PyValue.Num n && zero(n)) {
          findings.add(
              Evidence.at(
                  module.path(),
                  call.line(),
                  call.written() + "(...) retries without backoff_factor= (no backoff)"));
        }
      } else if (TENACITY.contains(call.callee())) {
        missing(call.hasKeyword("wait"), call.hasKeyword("stop"))
            .ifPresent(
                m ->
                    findings.add(
                        Evidence.at(
                            module.path(),
                            call.line(),
                            call.written() + "(...) retries without " + m)));
      }
    }
    for (Decorator decorator : module.decorators()) {
      if (!decorator.called() && decorator.name().equals("tenacity.retry")) {
        findings.add(
            Evidence.at(module.path(), decorator.line(), "@retry retries without wait= and stop="));
      }
    }
    return findings;
  }

  private static Optional<String> missing(boolean wait, boolean stop) {
    if (wait && stop) {
      return Optional.empty();
    }
    return Optional.of(!wait && !stop ? "wait= and stop=" : !wait ? "wait=" : "stop=");
  }

  /** {@code Retry(0)}, {@code Retry(False)}, {@code Retry(total=0)} do not retry at all. */
  private static boolean retries(Call call) {
    PyValue total =
        call.keyword("total").orElse(call.positional().isEmpty() ? null : call.positional().get(0));
    return total == null || !(total.isFalse() || total instanceof PyValue.Num n && zero(n));
  }

  private static boolean zero(PyValue.Num n) {
    return n.text().matches("0+(\\.0*)?");
  }
}
