package dev.fleetcheck.core.rules.sec;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Assignment;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.LiteralPair;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PY-SEC-011 (assisted): a session kept on the client, in a signed cookie. Starlette's {@code
 * SessionMiddleware} (through {@code add_middleware} or {@code Middleware(...)}), Django's {@code
 * SESSION_ENGINE} set to the {@code signed_cookies} backend, and Flask's {@code session} imported
 * where no product module sets up a server-side store (Flask-Session {@code Session(app)} or {@code
 * SESSION_TYPE}). Whether a cookie session is needed at all stays for a reviewer.
 */
public final class ClientSideSessions implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-SEC-011",
              Set.of(Profile.API),
              "Keep sessions server-side (Flask-Session, Django's database or cache backend, a"
                  + " session store) and put only an opaque id in a Secure, HttpOnly cookie.")
          .defined(
              "FAIL per client-side session store in product code: Starlette `SessionMiddleware`"
                  + " added to an app (`add_middleware(SessionMiddleware, ...)`,"
                  + " `Middleware(SessionMiddleware, ...)`); Django `SESSION_ENGINE` set to"
                  + " `django.contrib.sessions.backends.signed_cookies`; a module importing"
                  + " Flask's `session` while no product module calls Flask-Session's `Session(...)`"
                  + " or sets `SESSION_TYPE`. NOT_APPLICABLE without product code.",
              Effort.MEDIUM);

  private static final Set<String> STARLETTE_SESSIONS =
      Set.of(
          "starlette.middleware.sessions.SessionMiddleware",
          "fastapi.middleware.sessions.SessionMiddleware");
  private static final String SIGNED_COOKIES = "django.contrib.sessions.backends.signed_cookies";

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
    // Asked only once a module uses Flask's session: the answer matters nowhere else.
    Boolean serverSide = null;
    List<Evidence> findings = new ArrayList<>();
    for (PythonModule module : modules) {
      // The middleware's resolved name ends in SessionMiddleware, spelled in the call or its
      // import.
      boolean middleware = module.mentions("SessionMiddleware");
      for (Call call : middleware ? module.calls() : List.<Call>of()) {
        boolean adds =
            call.name().equals("add_middleware") || call.callee().endsWith("middleware.Middleware");
        if (adds
            && !call.positional().isEmpty()
            && call.positional().get(0) instanceof PyValue.Name name
            && STARLETTE_SESSIONS.contains(ModuleStrings.resolve(module, name.dotted()))) {
          findings.add(
              Evidence.at(
                  module.path(),
                  call.line(),
                  "Starlette SessionMiddleware keeps the session in a signed client-side cookie"));
        }
      }
      boolean engine = module.mentions("SESSION_ENGINE");
      for (Assignment assignment : engine ? module.assignments() : List.<Assignment>of()) {
        if (Names.lastPartIs(assignment.target(), "SESSION_ENGINE")
            && assignment.value() instanceof PyValue.Str str
            && str.value().equals(SIGNED_COOKIES)) {
          findings.add(
              Evidence.at(
                  module.path(),
                  assignment.line(),
                  "SESSION_ENGINE keeps Django sessions in signed client-side cookies"));
        }
      }
      if (!module.imports().containsValue("flask.session")) {
        continue;
      }
      if (serverSide == null) {
        serverSide = modules.stream().anyMatch(ClientSideSessions::serverSideFlaskSessions);
      }
      if (!serverSide) {
        findings.add(
            Evidence.file(
                module.path(),
                "uses Flask's session (a signed client-side cookie) and no server-side"
                    + " session store is set up (Flask-Session)"));
      }
    }
    return Outcome.assisted(findings);
  }

  private static boolean serverSideFlaskSessions(PythonModule module) {
    for (Call call : module.calls()) {
      if (call.callee().startsWith("flask_session.")) {
        return true;
      }
    }
    for (Assignment assignment : module.assignments()) {
      if (Names.lastPartIs(assignment.target(), "SESSION_TYPE")) {
        return true;
      }
    }
    for (LiteralPair pair : module.literalPairs()) {
      if (pair.key().equals("SESSION_TYPE")) {
        return true;
      }
    }
    return false;
  }
}
