package dev.fleetcheck.core.rules.err;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.ExceptHandler;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.ModuleCheck;
import dev.fleetcheck.core.rules.detect.ModuleValues;
import dev.fleetcheck.core.rules.detect.ProductCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PY-ERR-001 (assisted): a broad except clause whose body neither logs nor raises (only {@code
 * pass}, {@code ...}, {@code continue}, {@code return} or {@code return <literal>}), and {@code
 * contextlib.suppress(Exception)}. Clean-up methods ({@code __del__}, {@code __exit__}, {@code
 * close}, {@code dispose}, {@code shutdown}, {@code stop}, ...) may swallow.
 */
public final class SilentExceptions implements Rule, ModuleCheck {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-ERR-001",
              Set.of(Profile.PYTHON),
              "Catch the exceptions you expect and handle them; where a broad handler is needed, log"
                  + " the exception (logger.exception) or re-raise it instead of passing.")
          .defined(
              "FAIL on an evident violation: a broad except clause (bare `except:`, "
                  + "`except Exception`/`BaseException`, or a tuple holding one) whose body "
                  + "is only `pass`, `...`, `continue`, `return`, `return None` or `return "
                  + "<literal>` (so nothing is logged or raised), one-line bodies included; "
                  + "`contextlib.suppress(Exception|BaseException)`. Handlers in `__del__`, "
                  + "`__exit__`, `__aexit__` and `close` are exempt (Narrowed: so are the "
                  + "other clean-up methods `aclose`, `dispose`, `shutdown`, `stop`, "
                  + "`tearDown`, best-effort release as `close` is); a handler that returns "
                  + "a computed value (an f-string with fields included) is not evidently silent",
              Effort.MEDIUM);

  private static final Set<String> CLEAN_UP =
      Set.of(
          "__del__",
          "__exit__",
          "__aexit__",
          "close",
          "aclose",
          "dispose",
          "shutdown",
          "_shutdown",
          "stop",
          "tearDown",
          "teardown");
  private static final Set<String> BROAD = Set.of("Exception", "BaseException");

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
    for (ExceptHandler handler : module.exceptHandlers()) {
      if (handler.broad() && handler.silent() && !CLEAN_UP.contains(handler.function())) {
        findings.add(
            Evidence.at(
                module.path(),
                handler.line(),
                "broad except swallows the error: nothing logged or raised"));
      }
    }
    for (Call call : module.calls()) {
      if (call.callee().equals("contextlib.suppress")
          && call.positional().stream()
              .map(ModuleValues::text)
              .anyMatch(t -> BROAD.contains(t.substring(t.lastIndexOf('.') + 1)))) {
        findings.add(
            Evidence.at(
                module.path(),
                call.line(),
                "contextlib.suppress of every exception swallows the error"));
      }
    }
    return findings;
  }
}
