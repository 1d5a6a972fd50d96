package dev.fleetcheck.core.rules.beh;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Binding;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.SameObligation;
import dev.fleetcheck.core.rules.detect.ModuleCheck;
import dev.fleetcheck.core.rules.detect.ModuleFindings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PY-BEH-012: every outbound HTTP call made with requests (module functions and Session methods) or
 * urllib's {@code urlopen} passes a timeout, and no httpx call turns the default one off with
 * {@code timeout=None}. A call that passes {@code **kwargs} is given the benefit of the doubt.
 *
 * <p>One home per finding (RULES-NEXT, decision D4: "API timeouts go under PY-BEH-020"): in a
 * repository with the api profile the findings are judged and scored under PY-BEH-020 ({@link
 * ApiHttpTimeouts}) and this rule is NOT_APPLICABLE with the note "same obligation as PY-BEH-020".
 * The detector runs once per scan ({@link #FINDINGS}).
 */
public final class HttpTimeouts implements Rule, ModuleCheck {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-BEH-012",
              Profile.PYTHON,
              "Pass an explicit timeout to every outbound HTTP call, e.g. requests.get(url,"
                  + " timeout=(3.05, 10)) or urlopen(url, timeout=10); never timeout=None.")
          .defined(
              "FAIL per outbound HTTP call without an explicit timeout: "
                  + "`requests.<verb>(...)`/`requests.request(...)`, a method of a name "
                  + "bound to `requests.Session()`, `urllib.request.urlopen(...)`, `httpx` "
                  + "calls with `timeout=None`; PASS otherwise. In a repository with the "
                  + "api profile NOT_APPLICABLE with the note \"same obligation as "
                  + "PY-BEH-020\" (one home per finding, ADR 0022).",
              Effort.LOW);

  private static final Set<String> VERBS =
      Set.of("get", "post", "put", "patch", "delete", "head", "options", "request");
  private static final Set<String> SESSION_FACTORIES =
      Set.of(
          "requests.Session",
          "requests.session",
          "requests.sessions.Session",
          "requests.sessions.session");
  private static final Set<String> HTTPX_CLIENTS = Set.of("httpx.Client", "httpx.AsyncClient");
  private static final String URLOPEN = "urllib.request.urlopen";

  /** urlopen(url, data, timeout): a third positional argument is the timeout. */
  private static final int URLOPEN_TIMEOUT_POSITION = 3;

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  /** The detector's findings over every Python module outside test code, once per scan. */
  public static final Fact<List<Evidence>> FINDINGS =
      Fact.of(
          "http-timeout-findings",
          facts ->
              ModuleFindings.findings(
                  PythonCodebase.of(facts).sourceModules(), new HttpTimeouts()));

  @Override
  public Outcome check(RuleContext context) {
    if (context.has(Profile.API)) {
      Outcome home = judge(context);
      return SameObligation.judgedAt(
          ApiHttpTimeouts.ID, "an API's outbound timeouts are", SameObligation.statusOf(home));
    }
    return judge(context);
  }

  /** The outcome of the detector for the repository, whichever rule is its home. */
  static Outcome judge(RuleContext context) {
    return ModuleFindings.outcomeOf(
        context, modules -> context.fact(FINDINGS), "every outbound HTTP call has a timeout");
  }

  @Override
  public List<Evidence> findings(PythonModule module) {
    Set<String> sessions = namesBoundTo(module, SESSION_FACTORIES);
    Set<String> httpxClients = namesBoundTo(module, HTTPX_CLIENTS);
    List<Evidence> findings = new ArrayList<>();
    for (Call call : module.calls()) {
      if (call.kwargsSplat()) {
        continue;
      }
      Optional<PyValue> timeout = call.keyword("timeout");
      String problem = null;
      if (isRequestsCall(call) || isSessionCall(call, sessions)) {
        problem = missingTimeout(timeout);
      } else if (call.callee().equals(URLOPEN)
          && call.positional().size() < URLOPEN_TIMEOUT_POSITION) {
        problem = missingTimeout(timeout);
      } else if (isHttpxCall(call, httpxClients) && timeout.isPresent() && timeout.get().isNone()) {
        problem = "turns the timeout off with timeout=None";
      }
      if (problem != null) {
        findings.add(Evidence.at(module.path(), call.line(), call.written() + "(...) " + problem));
      }
    }
    return findings;
  }

  private static String missingTimeout(Optional<PyValue> timeout) {
    if (timeout.isEmpty()) {
      return "has no timeout";
    }
    return timeout.get().isNone() ? "turns the timeout off with timeout=None" : null;
  }

  private static boolean isRequestsCall(Call call) {
    String receiver = call.receiver();
    return (receiver.equals("requests") || receiver.equals("requests.api"))
        && VERBS.contains(call.name());
  }

  private static boolean isSessionCall(Call call, Set<String> sessions) {
    if (!VERBS.contains(call.name())) {
      return false;
    }
    return sessions.contains(call.writtenReceiver())
        || SESSION_FACTORIES.contains(factoryOf(call.receiver()));
  }

  private static boolean isHttpxCall(Call call, Set<String> clients) {
    return call.callee().startsWith("httpx.")
        || clients.contains(call.writtenReceiver())
        || HTTPX_CLIENTS.contains(factoryOf(call.receiver()));
  }

  /** {@code requests.Session} for a receiver written as the call {@code requests.Session()}. */
  private static String factoryOf(String receiver) {
    return receiver.endsWith("()") ? receiver.substring(0, receiver.length() - 2) : "";
  }

  private static Set<String> namesBoundTo(PythonModule module, Set<String> factories) {
    Set<String> names = new HashSet<>();
    for (Binding binding : module.bindings()) {
      if (factories.contains(binding.callee())) {
        names.add(binding.name());
      }
    }
    return names;
  }
}
