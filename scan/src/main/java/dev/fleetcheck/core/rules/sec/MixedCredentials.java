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
import dev.fleetcheck.core.python.Tokens;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.DrfAuthentication;
import dev.fleetcheck.core.rules.detect.RequestReads;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PY-SEC-019: an API does not accept cookie and bearer credentials together. Findings: a DRF
 * authentication class list holding {@code SessionAuthentication} and a token class;
 * flask-jwt-extended's {@code JWT_TOKEN_LOCATION} naming both {@code cookies} and {@code headers};
 * and, per repository, a cookie credential (FastAPI {@code APIKeyCookie}, a session/token cookie
 * read from the request) next to a bearer one (FastAPI {@code OAuth2PasswordBearer}/{@code
 * HTTPBearer}, an {@code Authorization} header read). DRF's default (Session + Basic) is no bearer
 * mix. An ADR waiver is the standard's "unless specified".
 */
public final class MixedCredentials implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-SEC-019",
              Profile.API,
              "Accept one kind of credential per API: bearer tokens in the Authorization header, or"
                  + " session cookies with CSRF protection; if both are needed, record why in an ADR.")
          .defined(
              "PASS when the API does not accept cookie and bearer credentials "
                  + "together: a DRF "
                  + "`DEFAULT_AUTHENTICATION_CLASSES`/`authentication_classes` list with "
                  + "`SessionAuthentication` and a token/JWT class; flask-jwt-extended "
                  + "`JWT_TOKEN_LOCATION` naming `cookies` and `headers`; a cookie "
                  + "credential (FastAPI `APIKeyCookie`, a request cookie whose name holds "
                  + "token/session/jwt/auth/access/sid, CSRF cookies excepted) in a "
                  + "repository that also takes bearer tokens "
                  + "(`OAuth2PasswordBearer`/`HTTPBearer`, an `Authorization` read). DRF's "
                  + "default (Session + Basic) passes; NOT_APPLICABLE when the API reads "
                  + "neither kind; an ADR waiver is the standard's \"unless specified\"",
              Effort.HIGH);

  private static final Pattern CREDENTIAL_COOKIE =
      Pattern.compile("(?i)(token|session|jwt|auth|access|sid)");
  private static final Pattern NOT_A_CREDENTIAL = Pattern.compile("(?i)(csrf|xsrf)");
  private static final String JWT_LOCATION = "JWT_TOKEN_LOCATION";

  /** The FastAPI credential classes a call below finds, spelled in the call or its import. */
  private static final Set<String> FASTAPI_CREDENTIALS =
      union(BearerChallenge.FASTAPI_BEARER_NAMES, Set.of("APIKeyCookie"));

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<Evidence> findings = new ArrayList<>();
    Evidence cookie = null;
    Evidence bearer = null;
    boolean anyAuth = false;
    PythonCodebase codebase = PythonCodebase.of(context.facts());
    DrfClassLists classLists = DrfClassLists.of(context);
    for (PythonModule module : codebase.productModules()) {
      for (LiteralPair classes : classLists.of(module)) {
        boolean session = DrfAuthentication.hasSessionClass(classes.value());
        boolean token = DrfAuthentication.hasTokenClass(classes.value());
        anyAuth |= session || token;
        if (session && token) {
          findings.add(
              Evidence.at(
                  module.path(),
                  classes.line(),
                  classes.key() + " accepts session cookies and bearer tokens together"));
        }
      }
      for (LiteralPair location : jwtLocations(codebase, module)) {
        anyAuth = true;
        if (location.value().containsString("cookies")
            && location.value().containsString("headers")) {
          findings.add(
              Evidence.at(
                  module.path(),
                  location.line(),
                  JWT_LOCATION + " accepts tokens from cookies and headers together"));
        }
      }
      boolean named = module.mentionsAny(FASTAPI_CREDENTIALS);
      for (Call call : named ? module.calls() : List.<Call>of()) {
        if (!call.callee().startsWith("fastapi.")) {
          continue;
        }
        if (cookie == null && call.name().equals("APIKeyCookie")) {
          cookie = Evidence.at(module.path(), call.line(), "cookie credential " + call.written());
        } else if (bearer == null && BearerChallenge.fastApiBearer(call)) {
          bearer = Evidence.at(module.path(), call.line(), "bearer credential " + call.written());
        }
      }
    }
    for (RequestReads.Read read : context.fact(RequestReads.FACT).all()) {
      if (cookie == null && isCredentialCookie(read)) {
        cookie = Evidence.at(read.path(), read.line(), "cookie credential read: " + read.key());
      } else if (bearer == null && read.authorization()) {
        bearer = Evidence.at(read.path(), read.line(), "bearer credential: Authorization read");
      }
    }
    if (cookie != null && bearer != null) {
      findings.add(
          Evidence.at(
              cookie.path(),
              cookie.line(),
              cookie.message()
                  + " while the API also takes bearer tokens ("
                  + bearer.describe()
                  + ")"));
    }
    if (!findings.isEmpty()) {
      return Outcome.fail(findings);
    }
    if (!anyAuth && cookie == null && bearer == null) {
      return Outcome.notApplicable("the API reads neither cookie nor bearer credentials");
    }
    return Outcome.pass(
        Evidence.repository(
            "the API accepts one kind of credential, not cookies and bearer tokens"));
  }

  /** {@code ["JWT_TOKEN_LOCATION"] = [ ... ]}: the strings of the display assigned. */
  private static void configEntries(Tokens t, List<LiteralPair> list) {
    for (int i = 1; i < t.size(); i++) {
      if (!JWT_LOCATION.equals(t.stringValue(i)) || !t.isOp(t.skipTriviaBack(i - 1), '[')) {
        continue;
      }
      int close = t.skipTrivia(i + 1);
      int equals = t.skipTrivia(close + 1);
      int open = t.skipTrivia(equals + 1);
      if (!t.isOp(close, ']') || !t.isOp(equals, '=') || t.match(open) < 0) {
        continue;
      }
      List<PyValue> items = new ArrayList<>();
      for (int j = open + 1; j < t.match(open); j++) {
        String value = t.stringValue(j);
        if (value != null) {
          items.add(new PyValue.Str(value));
        }
      }
      list.add(new LiteralPair(JWT_LOCATION, new PyValue.Seq(items), t.line(i)));
    }
  }

  private static boolean isCredentialCookie(RequestReads.Read read) {
    return read.source() == RequestReads.Source.COOKIE
        && CREDENTIAL_COOKIE.matcher(read.key()).find()
        && !NOT_A_CREDENTIAL.matcher(read.key()).find();
  }

  /**
   * flask-jwt-extended's {@code JWT_TOKEN_LOCATION}: a name or class attribute, a keyword of {@code
   * config.update}, or {@code app.config["JWT_TOKEN_LOCATION"] = [...]} in a Flask module (read
   * from its tokens: the analysed module keeps only scalar subscript assignments).
   */
  private static List<LiteralPair> jwtLocations(PythonCodebase codebase, PythonModule module) {
    List<LiteralPair> list = new ArrayList<>();
    boolean flask = module.imports().values().stream().anyMatch(v -> v.startsWith("flask"));
    if (flask) {
      codebase
          .text(module.path())
          .filter(text -> text.contains(JWT_LOCATION))
          .flatMap(text -> codebase.tokens(module.path()))
          .ifPresent(tokens -> configEntries(tokens, list));
    }
    if (!module.mentions(JWT_LOCATION)) {
      // Both the assigned name and the keyword spell it.
      return list;
    }
    for (Assignment assignment : module.assignments()) {
      if (Names.lastPartIs(assignment.target(), JWT_LOCATION)) {
        list.add(new LiteralPair(JWT_LOCATION, assignment.value(), assignment.line()));
      }
    }
    for (Call call : module.calls()) {
      Optional<PyValue> value = call.keyword(JWT_LOCATION);
      value.ifPresent(v -> list.add(new LiteralPair(JWT_LOCATION, v, call.line())));
    }
    return list;
  }

  private static Set<String> union(Set<String> some, Set<String> more) {
    Set<String> all = new java.util.HashSet<>(some);
    all.addAll(more);
    return Set.copyOf(all);
  }
}
