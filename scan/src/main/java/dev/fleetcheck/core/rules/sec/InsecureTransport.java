package dev.fleetcheck.core.rules.sec;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Assignment;
import dev.fleetcheck.core.python.Binding;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.ModuleCheck;
import dev.fleetcheck.core.rules.detect.ModuleValues;
import dev.fleetcheck.core.rules.detect.ProductCode;
import dev.fleetcheck.core.rules.detect.PublicHosts;
import dev.fleetcheck.core.rules.detect.StringConstants;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PY-SEC-045 (assisted): TLS verification turned off in a client, or a plaintext {@code http://}
 * URL with a public host passed to an outbound call. Product code only; a non-literal {@code
 * verify=} (a user's {@code --insecure}) never fires.
 */
public final class InsecureTransport implements Rule, ModuleCheck {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-SEC-045",
              Set.of(Profile.PYTHON),
              "Keep TLS verification on (drop verify=False, ssl=False, unverified contexts) and call"
                  + " public hosts over https://; trust a private CA with verify=\"/path/ca.pem\".")
          .defined(
              "FAIL on an evident violation: TLS verification off in a client: "
                  + "`verify=False`/`ssl=False`/`verify_ssl=False` on requests, httpx, "
                  + "aiohttp, urllib3 or boto3 calls and on names bound to their "
                  + "sessions/clients (aliases and multi-line calls followed); "
                  + "`<session>.verify = False`; `ssl._create_unverified_context()`; "
                  + "`cert_reqs=CERT_NONE`; `check_hostname = False` on a context made by "
                  + "`ssl.create_default_context()`/`SSLContext` for outbound use (a "
                  + "`Purpose.CLIENT_AUTH`/server context never fires); "
                  + "`urllib3.disable_warnings()` with no argument or "
                  + "`InsecureRequestWarning`. Plaintext `http://` literals (or module "
                  + "constants) with a public host passed as the URL of such a call (\"with "
                  + "credentials\" when `auth=` or an `Authorization` header goes along). "
                  + "Narrowed: `verify_mode = CERT_NONE` assignments, config defaults and "
                  + "template ALB listeners are not read; a non-literal `verify=` never "
                  + "fires, nor does `check_hostname = False` on a context the module also sets "
                  + "to `True` (one branch of a run-time choice, as urllib3 follows its "
                  + "caller's `cert_reqs`), nor a conditional"
                  + " `cert_reqs=CERT_REQUIRED if verify else CERT_NONE` (httpie's `--verify=no`)",
              Effort.LOW);

  /** Client factories whose bound names make calls on them outbound calls. */
  private static final Set<String> CLIENTS =
      Set.of(
          "requests.Session",
          "requests.session",
          "requests.sessions.Session",
          "httpx.Client",
          "httpx.AsyncClient",
          "aiohttp.ClientSession",
          "aiohttp.TCPConnector",
          "urllib3.PoolManager",
          "boto3.Session",
          "boto3.session.Session");

  private static final Set<String> CLIENT_PREFIXES =
      Set.of("requests.", "httpx.", "aiohttp.", "urllib3.", "boto3.", "botocore.", "aiobotocore.");

  private static final Set<String> VERBS =
      Set.of(
          "get",
          "post",
          "put",
          "patch",
          "delete",
          "head",
          "options",
          "request",
          "stream",
          "urlopen",
          "client",
          "resource",
          "ws_connect");

  private static final List<String> VERIFY_KEYWORDS = List.of("verify", "ssl", "verify_ssl");

  private static final Set<String> DISABLE_WARNINGS =
      Set.of("urllib3.disable_warnings", "requests.packages.urllib3.disable_warnings");

  private static final Set<String> SSL_CONTEXTS =
      Set.of("ssl.create_default_context", "ssl.SSLContext");

  /**
   * The first part of every callee, binding or assignment owner a finding needs: a resolved callee
   * starts with what its import names, so the module spells it (urllib for urllib.request, ssl for
   * the contexts and ssl._create_unverified_context, requests for requests.packages.urllib3).
   */
  private static final Set<String> TRIGGERS =
      Set.of(
          "requests",
          "httpx",
          "aiohttp",
          "urllib3",
          "boto3",
          "botocore",
          "aiobotocore",
          "urllib",
          "ssl");

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
    if (!module.mentionsAny(TRIGGERS)) {
      return List.of();
    }
    StringConstants constants = new StringConstants(module);
    Set<String> clients = ModuleValues.namesBoundTo(module, CLIENTS);
    List<Evidence> findings = new ArrayList<>();
    for (Call call : module.calls()) {
      problem(constants, call, clients)
          .ifPresent(p -> findings.add(Evidence.at(module.path(), call.line(), p)));
    }
    Set<String> clientContexts = clientContexts(module);
    // A context whose check_hostname the module also sets to True is one branch of a run-time
    // choice (urllib3 follows its caller's cert_reqs), as a non-literal verify= is.
    Set<String> chosen = new java.util.HashSet<>();
    for (Assignment assignment : module.assignments()) {
      if (assignment.name().equals("check_hostname")
          && assignment.value().equals(new PyValue.Bool(true))) {
        chosen.add(assignment.target());
      }
    }
    for (Assignment assignment : module.assignments()) {
      String target = assignment.target();
      int dot = target.lastIndexOf('.');
      if (dot < 0 || !assignment.value().isFalse()) {
        continue;
      }
      String owner = target.substring(0, dot);
      if (assignment.name().equals("verify") && clients.contains(owner)) {
        findings.add(
            Evidence.at(
                module.path(), assignment.line(), "TLS verification off: " + target + " = False"));
      } else if (assignment.name().equals("check_hostname")
          && clientContexts.contains(owner)
          && !chosen.contains(target)) {
        findings.add(
            Evidence.at(
                module.path(),
                assignment.line(),
                "host name checking off on a client TLS context: " + target + " = False"));
      }
    }
    return findings;
  }

  private static Optional<String> problem(
      StringConstants constants, Call call, Set<String> clients) {
    String callee = call.callee();
    if (callee.equals("ssl._create_unverified_context")) {
      return Optional.of("unverified TLS context: ssl._create_unverified_context()");
    }
    if (DISABLE_WARNINGS.contains(callee) && disablesInsecureWarning(call)) {
      return Optional.of(
          "TLS warnings silenced: "
              + call.written()
              + "("
              + argsText(call)
              + ") hides unverified requests");
    }
    boolean client = isClientCall(call, clients);
    if (!client && !callee.equals("ssl.wrap_socket") && !callee.startsWith("urllib3.")) {
      return Optional.empty();
    }
    for (String keyword : VERIFY_KEYWORDS) {
      Optional<PyValue> value = call.keyword(keyword);
      if (value.isPresent() && value.get().isFalse() && (client || keyword.equals("verify"))) {
        return Optional.of(
            "TLS verification off: " + call.written() + "(..., " + keyword + "=False)");
      }
    }
    Optional<PyValue> certReqs = call.keyword("cert_reqs");
    // `CERT_REQUIRED if verify else CERT_NONE` is the caller's run-time choice, as a non-literal
    // verify= is.
    if (certReqs.isPresent()
        && certReqs.get() instanceof PyValue.Name name
        && name.dotted().endsWith("CERT_NONE")) {
      return Optional.of("TLS verification off: " + call.written() + "(..., cert_reqs=CERT_NONE)");
    }
    if (client) {
      return plaintextUrl(constants, call);
    }
    return Optional.empty();
  }

  private static Optional<String> plaintextUrl(StringConstants constants, Call call) {
    PyValue keyword = call.keywords().get("url");
    List<PyValue> positional = call.positional();
    int count = (keyword == null ? 0 : 1) + Math.min(2, positional.size());
    for (int i = 0; i < count; i++) {
      PyValue value =
          keyword == null ? positional.get(i) : i == 0 ? keyword : positional.get(i - 1);
      // A plaintext URL holds "://": other strings are not matched against the URL pattern.
      Optional<String> host =
          constants
              .string(value)
              .filter(url -> url.contains("://"))
              .flatMap(PublicHosts::plaintextPublicHost);
      if (host.isPresent()) {
        boolean credentials =
            call.hasKeyword("auth")
                || call.keyword("headers")
                    .map(h -> ModuleValues.text(h).contains("Authorization"))
                    .orElse(false)
                || (call.keyword("headers").orElse(null) instanceof PyValue.Dict d
                    && d.get("Authorization").isPresent());
        return Optional.of(
            "plaintext HTTP to the public host "
                + host.get()
                + ": "
                + call.written()
                + "(\"http://...\")"
                + (credentials ? " with credentials" : ""));
      }
    }
    return Optional.empty();
  }

  private static boolean isClientCall(Call call, Set<String> clients) {
    String callee = call.callee();
    // Every prefix is a first part and its dot: only the one as long as the callee's can match.
    int dot = callee.indexOf('.');
    for (String prefix : CLIENT_PREFIXES) {
      if (prefix.length() == dot + 1 && callee.startsWith(prefix)) {
        return true;
      }
    }
    if (callee.equals("urllib.request.urlopen") || callee.equals("urllib.request.Request")) {
      return true;
    }
    return VERBS.contains(call.name()) && clients.contains(call.writtenReceiver());
  }

  private static boolean disablesInsecureWarning(Call call) {
    if (call.positional().isEmpty() && call.keywords().isEmpty()) {
      return true;
    }
    return call.positional().stream()
        .anyMatch(v -> ModuleValues.text(v).endsWith("InsecureRequestWarning"));
  }

  private static String argsText(Call call) {
    return call.positional().isEmpty() ? "" : ModuleValues.text(call.positional().get(0));
  }

  /** Names bound to an SSL context made for outbound connections (not a server's). */
  private static Set<String> clientContexts(PythonModule module) {
    Set<String> names = new java.util.HashSet<>();
    for (Binding binding : module.bindings()) {
      if (!SSL_CONTEXTS.contains(binding.callee())) {
        continue;
      }
      Optional<Call> factory = ModuleValues.factoryCall(module, binding);
      boolean server =
          factory
              .map(
                  c ->
                      c.positional().stream()
                              .map(ModuleValues::text)
                              .anyMatch(t -> t.contains("CLIENT_AUTH") || t.contains("SERVER"))
                          || c.keywords().values().stream()
                              .map(ModuleValues::text)
                              .anyMatch(t -> t.contains("CLIENT_AUTH") || t.contains("SERVER")))
              .orElse(true);
      if (!server) {
        names.add(binding.name());
      }
    }
    return names;
  }
}
