package dev.fleetcheck.core.rules.sec;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.ModuleValues;
import dev.fleetcheck.core.rules.detect.RequestReads;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * PY-SEC-020 (assisted): API keys as the only credential. FastAPI's {@code APIKeyHeader}, {@code
 * APIKeyQuery} or {@code APIKeyCookie} in product code that has no other authentication: no
 * OAuth2/bearer/basic/OpenID security class, no JWT decoding, no session middleware, no read of the
 * {@code Authorization} header, no Flask-Login, Django auth, authlib or fastapi-users import. An
 * {@code APIKeyHeader} reading {@code Authorization} carries a bearer credential and does not
 * count. Not checked: SAM {@code ApiKeyRequired} and hand-written {@code x-api-key} comparisons.
 */
public final class ApiKeyOnly implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-SEC-020",
              Set.of(Profile.API, Profile.LAMBDA),
              "Authenticate callers with a verified identity (OAuth2/OIDC tokens, IAM, sessions);"
                  + " use an API key only alongside it, as a client id or throttling key.")
          .defined(
              "FAIL per FastAPI `APIKeyHeader`/`APIKeyQuery`/`APIKeyCookie` when product code has"
                  + " no other authentication: no OAuth2/HTTPBearer/HTTPBasic/OpenIdConnect class,"
                  + " no JWT decoding, no session middleware, no `Authorization` header read, no"
                  + " Flask-Login, Django auth, authlib or fastapi-users import. SAM"
                  + " `ApiKeyRequired` and hand-written key comparisons are not checked."
                  + " NOT_APPLICABLE without product code.",
              Effort.HIGH);

  private static final Set<String> API_KEY_CLASSES =
      Set.of("APIKeyHeader", "APIKeyQuery", "APIKeyCookie");
  private static final Set<String> OTHER_AUTH_CLASSES =
      Set.of(
          "OAuth2",
          "OAuth2PasswordBearer",
          "OAuth2AuthorizationCodeBearer",
          "HTTPBearer",
          "HTTPBasic",
          "HTTPDigest",
          "OpenIdConnect",
          "SessionMiddleware");

  /** The last parts of the callees judged below (the classes, add_middleware), all spelled. */
  private static final Set<String> CALL_NAMES = callNames();

  private static Set<String> callNames() {
    Set<String> names = new java.util.HashSet<>(API_KEY_CLASSES);
    names.addAll(OTHER_AUTH_CLASSES);
    names.add("add_middleware");
    return Set.copyOf(names);
  }

  private static final List<String> OTHER_AUTH_IMPORTS =
      List.of("flask_login", "django.contrib.auth", "authlib", "fastapi_users", "jwt", "jose");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<PythonModule> modules = PythonCodebase.of(context.facts()).productModules();
    if (modules.isEmpty()) {
      return Outcome.notApplicable("no Python product code");
    }
    // Any other authentication clears every key: the search ends at the first one found.
    if (context.fact(RequestReads.FACT).all().stream().anyMatch(RequestReads.Read::authorization)) {
      return Outcome.assisted(List.of());
    }
    List<Evidence> keys = new ArrayList<>();
    for (PythonModule module : modules) {
      if (importsAuth(module)) {
        return Outcome.assisted(List.of());
      }
      if (!module.mentionsAny(CALL_NAMES)) {
        continue;
      }
      for (Call call : module.calls()) {
        boolean fastapi = call.callee().startsWith("fastapi.");
        if (fastapi && API_KEY_CLASSES.contains(call.name())) {
          if (readsAuthorization(module, call)) {
            return Outcome.assisted(List.of());
          } else {
            keys.add(
                Evidence.at(
                    module.path(),
                    call.line(),
                    call.name() + " is the only credential: no user or token authentication"));
          }
        } else if (OTHER_AUTH_CLASSES.contains(call.name()) || positionalNamesSessions(call)) {
          return Outcome.assisted(List.of());
        }
      }
    }
    return Outcome.assisted(keys);
  }

  private static boolean importsAuth(PythonModule module) {
    for (String dotted : module.imports().values()) {
      for (String prefix : OTHER_AUTH_IMPORTS) {
        if (dotted.startsWith(prefix)
            && (dotted.length() == prefix.length() || dotted.charAt(prefix.length()) == '.')) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean readsAuthorization(PythonModule module, Call call) {
    return call.keyword("name")
        .or(() -> call.positional().stream().findFirst())
        .flatMap(v -> ModuleValues.string(module, v))
        .map(name -> name.toLowerCase(Locale.ROOT).equals("authorization"))
        .orElse(false);
  }

  /** {@code app.add_middleware(SessionMiddleware, ...)}. */
  private static boolean positionalNamesSessions(Call call) {
    return call.name().equals("add_middleware")
        && !call.positional().isEmpty()
        && ModuleValues.text(call.positional().get(0)).endsWith("SessionMiddleware");
  }
}
