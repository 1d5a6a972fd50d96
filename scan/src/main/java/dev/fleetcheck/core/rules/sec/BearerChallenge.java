package dev.fleetcheck.core.rules.sec;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Blocks;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.LiteralPair;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.python.TokenKind;
import dev.fleetcheck.core.python.Tokens;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.DrfAuthentication;
import dev.fleetcheck.core.rules.detect.RequestReads;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PY-SEC-015: an API that takes bearer tokens answers a missing or invalid one with 401 and a
 * {@code WWW-Authenticate} header. Applies when product code authenticates with bearer tokens
 * (FastAPI's OAuth2/HTTPBearer classes, an {@code Authorization} header read, flask-jwt-extended,
 * DRF token or JWT authentication, JWT decoding). Findings: (a) an explicit 401 (HTTPException, a
 * Response class, {@code abort(401)}, {@code make_response(..., 401)}, {@code return body, 401}, a
 * Lambda {@code "statusCode": 401} dict) that sets no {@code WWW-Authenticate}; (b) an except
 * clause catching a JWT library's error that answers 400 or 403; (c) DRF's {@code
 * SessionAuthentication} listed before a token class (token clients then get 403). Headers passed
 * as a variable get the benefit of the doubt. Narrowed (docs/rules.md): library defaults and the
 * missing-token branch are not judged.
 */
public final class BearerChallenge implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-SEC-015",
              Profile.API,
              "Answer a missing, invalid or expired bearer token with 401 and a WWW-Authenticate"
                  + " header (e.g. HTTPException(status_code=401, headers={\"WWW-Authenticate\":"
                  + " \"Bearer\"})); never 400 or 403. In DRF list the token class first.")
          .defined(
              "Narrowed from RULES-NEXT: applies when product code takes bearer "
                  + "tokens (FastAPI "
                  + "`OAuth2PasswordBearer`/`HTTPBearer`/`APIKeyHeader(name=\"Authorization\")`, "
                  + "an `Authorization` header read, flask-jwt-extended, DRF token/JWT "
                  + "classes, `jwt.decode`). FAIL per (a) explicit 401 without "
                  + "`WWW-Authenticate`: `HTTPException`, Starlette/Flask/DRF response "
                  + "classes, `make_response(..., 401)`, `abort(401)`, `return body, 401`, "
                  + "a Lambda `\"statusCode\": 401` dict; (b) an `except` clause catching a "
                  + "JWT library error (`InvalidTokenError`, `PyJWTError`, `DecodeError`, "
                  + "`ExpiredSignatureError`, `JWTError`, `JoseError`, ...) whose body "
                  + "answers 400/403; (c) DRF `SessionAuthentication` listed before a token "
                  + "class. Headers passed as a variable get the benefit of the doubt. Not "
                  + "judged: library defaults (they changed across FastAPI versions) and "
                  + "the missing-token branch",
              Effort.MEDIUM);

  private static final Set<String> FASTAPI_BEARERS =
      Set.of("OAuth2PasswordBearer", "OAuth2AuthorizationCodeBearer", "OAuth2", "HTTPBearer");

  /** The last parts of the callees {@link #fastApiBearer} accepts. */
  static final Set<String> FASTAPI_BEARER_NAMES =
      Set.of(
          "OAuth2PasswordBearer",
          "OAuth2AuthorizationCodeBearer",
          "OAuth2",
          "HTTPBearer",
          "APIKeyHeader");

  private static final Set<String> RESPONSES =
      Set.of(
          "HTTPException",
          "Response",
          "JSONResponse",
          "PlainTextResponse",
          "ORJSONResponse",
          "UJSONResponse",
          "HTMLResponse",
          "make_response");

  /** The last parts of the callees {@link #unchallenged} judges: the responses and abort. */
  private static final Set<String> RESPONSE_NAMES = with(RESPONSES, "abort");

  /** The last parts of the callees that show bearer tokens: {@code decode} for JWT decoding. */
  private static final Set<String> BEARER_CALLS = with(FASTAPI_BEARER_NAMES, "decode");

  private static final Set<String> RESPONSE_ROOTS =
      Set.of("fastapi", "starlette", "flask", "werkzeug", "rest_framework", "django");
  private static final Pattern JWT_ERRORS =
      Pattern.compile(
          "\\b(InvalidTokenError|PyJWTError|DecodeError|ExpiredSignatureError|JWTError"
              + "|JoseError|ExpiredSignature|InvalidSignatureError|JWTClaimsError"
              + "|InvalidAudienceError|InvalidIssuerError)\\b");
  private static final Pattern WRONG_STATUS =
      Pattern.compile(
          "(?<![\\w.])(403|400)(?![\\w.])|HTTP_403_FORBIDDEN|HTTP_400_BAD_REQUEST"
              + "|HTTPStatus\\.(FORBIDDEN|BAD_REQUEST)|\\bPermissionDenied\\b|\\bForbidden\\b"
              + "|\\bBadRequest\\b");
  private static final Set<String> JWT_MODULES =
      Set.of(
          "jwt", "jose", "authlib", "jwcrypto", "flask_jwt_extended", "rest_framework_simplejwt");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    PythonCodebase codebase = PythonCodebase.of(context.facts());
    List<PythonModule> modules = codebase.productModules();
    DrfClassLists classLists = DrfClassLists.of(context);
    Optional<Evidence> bearer = bearerSignal(context, modules, classLists);
    if (bearer.isEmpty()) {
      return Outcome.notApplicable("the API does not authenticate with bearer tokens");
    }
    List<Evidence> findings = new ArrayList<>();
    for (PythonModule module : modules) {
      boolean responds = module.mentionsAny(RESPONSE_NAMES);
      for (Call call : responds ? module.calls() : List.<Call>of()) {
        unchallenged(call).ifPresent(p -> findings.add(Evidence.at(module.path(), call.line(), p)));
      }
      sessionFirst(module, classLists, findings);
      boolean jwt = usesJwtLibrary(module);
      Optional<String> text = codebase.text(module.path());
      if (text.isEmpty()) {
        continue;
      }
      String source = text.get();
      boolean mentions401 = source.contains("401") || source.contains("UNAUTHORIZED");
      if (!mentions401 && !jwt) {
        continue;
      }
      if (mentions401) {
        codebase.tokens(module.path()).ifPresent(t -> tokenFindings(module.path(), t, findings));
      }
      if (jwt) {
        codebase.blocks(module.path()).ifPresent(b -> jwtHandlers(module.path(), b, findings));
      }
    }
    if (!findings.isEmpty()) {
      return Outcome.fail(findings);
    }
    return Outcome.pass(
        bearer.get(),
        Evidence.repository(
            "every explicit 401 carries WWW-Authenticate and token errors are answered 401"));
  }

  /** Where the API takes bearer tokens, if it does. */
  private static Optional<Evidence> bearerSignal(
      RuleContext context, List<PythonModule> modules, DrfClassLists classLists) {
    for (PythonModule module : modules) {
      boolean named = module.mentionsAny(BEARER_CALLS);
      for (Call call : named ? module.calls() : List.<Call>of()) {
        if (fastApiBearer(call) || isJwtDecode(call)) {
          return Optional.of(
              Evidence.at(module.path(), call.line(), "bearer tokens: " + call.written()));
        }
      }
      for (String imported : module.imports().values()) {
        if (imported.startsWith("flask_jwt_extended")
            || imported.startsWith("rest_framework_simplejwt")
            // The token classes' names end so; the others are not matched against the pattern.
            || imported.endsWith("Authentication") && DrfAuthentication.isTokenClass(imported)) {
          return Optional.of(Evidence.at(module.path(), 1, "bearer tokens: " + imported));
        }
      }
      for (LiteralPair pair : classLists.of(module)) {
        if (DrfAuthentication.hasTokenClass(pair.value())) {
          return Optional.of(
              Evidence.at(module.path(), pair.line(), "bearer tokens: DRF token authentication"));
        }
      }
    }
    for (RequestReads.Read read : context.fact(RequestReads.FACT).all()) {
      if (read.authorization()) {
        return Optional.of(
            Evidence.at(read.path(), read.line(), "bearer tokens: Authorization header read"));
      }
    }
    return Optional.empty();
  }

  /**
   * A FastAPI security class that takes bearer credentials: the OAuth2 bearers, {@code HTTPBearer},
   * or {@code APIKeyHeader(name="Authorization")}.
   */
  static boolean fastApiBearer(Call call) {
    if (!call.callee().startsWith("fastapi.")) {
      return false;
    }
    return FASTAPI_BEARERS.contains(call.name())
        || call.name().equals("APIKeyHeader")
            && call.keyword("name").filter(v -> v.containsString("Authorization")).isPresent();
  }

  private static boolean isJwtDecode(Call call) {
    return call.name().equals("decode")
        && (call.callee().startsWith("jwt.") || call.callee().startsWith("jose.jwt."));
  }

  private static boolean usesJwtLibrary(PythonModule module) {
    for (String imported : module.imports().values()) {
      String root = firstPart(imported);
      if (JWT_MODULES.contains(root)) {
        return true;
      }
    }
    return false;
  }

  /** The dotted name's first part, as {@code split("\\.", 2)[0]} gives it. */
  private static String firstPart(String dotted) {
    int dot = dotted.indexOf('.');
    return dot < 0 ? dotted : dotted.substring(0, dot);
  }

  /** (a) for calls: a 401 response or exception without a WWW-Authenticate header. */
  private static Optional<String> unchallenged(Call call) {
    if (!RESPONSE_NAMES.contains(call.name())) {
      return Optional.empty();
    }
    String root = firstPart(call.callee());
    boolean known = RESPONSE_ROOTS.contains(root) || call.callee().equals(call.written());
    if (!known) {
      return Optional.empty();
    }
    if (call.name().equals("abort") && !call.positional().isEmpty()) {
      if (is401(call.positional().get(0)) && !call.hasKeyword("www_authenticate")) {
        return Optional.of(call.written() + "(401) answers without WWW-Authenticate");
      }
      return Optional.empty();
    }
    if (!RESPONSES.contains(call.name()) || call.kwargsSplat()) {
      return Optional.empty();
    }
    int statusAt = call.name().equals("HTTPException") ? 0 : 1;
    Optional<PyValue> status =
        call.keyword("status_code")
            .or(() -> call.keyword("status"))
            .or(() -> positional(call, statusAt));
    if (status.isEmpty() || !is401(status.get())) {
      return Optional.empty();
    }
    Optional<PyValue> headers = call.keyword("headers").or(() -> positional(call, 2));
    if (headers.isPresent() && !(headers.get() instanceof PyValue.Dict)) {
      return Optional.empty();
    }
    if (headers.isPresent() && challenges((PyValue.Dict) headers.get())) {
      return Optional.empty();
    }
    return Optional.of(call.written() + "(...) answers 401 without a WWW-Authenticate header");
  }

  private static Optional<PyValue> positional(Call call, int index) {
    return call.positional().size() > index
        ? Optional.of(call.positional().get(index))
        : Optional.empty();
  }

  private static boolean challenges(PyValue.Dict headers) {
    for (PyValue.Entry entry : headers.entries()) {
      if (!(entry.key() instanceof PyValue.Str key)
          || key.value().equalsIgnoreCase("WWW-Authenticate")) {
        return true;
      }
    }
    return false;
  }

  private static boolean is401(PyValue value) {
    if (value instanceof PyValue.Num num) {
      return num.text().equals("401");
    }
    if (value instanceof PyValue.Name name) {
      return name.dotted().endsWith("HTTP_401_UNAUTHORIZED")
          || name.dotted().endsWith("HTTPStatus.UNAUTHORIZED");
    }
    return false;
  }

  /** (c) DRF: SessionAuthentication before a token class. */
  private static void sessionFirst(
      PythonModule module, DrfClassLists classLists, List<Evidence> findings) {
    for (LiteralPair classes : classLists.of(module)) {
      sessionFirst(module.path(), classes.line(), classes.value(), findings);
    }
  }

  private static void sessionFirst(String path, int line, PyValue value, List<Evidence> findings) {
    if (!(value instanceof PyValue.Seq seq) || seq.items().size() < 2) {
      return;
    }
    if (!DrfAuthentication.isSession(seq.items().get(0))) {
      return;
    }
    if (DrfAuthentication.hasTokenClass(value)) {
      findings.add(
          Evidence.at(
              path,
              line,
              "SessionAuthentication is listed before a token class: unauthenticated token"
                  + " clients get 403 without WWW-Authenticate"));
    }
  }

  /** (a) for Flask tuples {@code return body, 401} and Lambda dicts {@code "statusCode": 401}. */
  static void tokenFindings(String path, Tokens t, List<Evidence> findings) {
    for (int i = 0; i < t.size(); i++) {
      if (!is401Token(t, i)) {
        continue;
      }
      int before = t.skipTriviaBack(i - 1);
      if (t.isOp(before, ':') && "statusCode".equals(t.stringValue(t.skipTriviaBack(before - 1)))) {
        int open = enclosing(t, i, '{');
        if (open >= 0 && !dictChallenges(t, open)) {
          findings.add(
              Evidence.at(
                  path,
                  t.line(i),
                  "\"statusCode\": 401 without a WWW-Authenticate header in \"headers\""));
        }
      } else if (t.isOp(before, ',') && returnsTuple(t, before)) {
        int after = t.skipTrivia(i + 1);
        boolean headers =
            t.isOp(after, ',') && !t.isKind(t.skipTrivia(after + 1), TokenKind.NEWLINE);
        if (!headers) {
          findings.add(
              Evidence.at(path, t.line(i), "return ..., 401 answers without WWW-Authenticate"));
        }
      }
    }
  }

  private static boolean is401Token(Tokens t, int i) {
    if (t.isKind(i, TokenKind.NUMBER)) {
      return t.is(i, "401");
    }
    return t.is(i, "HTTP_401_UNAUTHORIZED") && t.isOp(t.skipTriviaBack(i - 1), '.');
  }

  /** Whether the comma at {@code comma} separates the parts of a top-level returned tuple. */
  private static boolean returnsTuple(Tokens t, int comma) {
    int depth = t.depth(comma);
    for (int j = comma - 1; j >= 0; j--) {
      if (t.isKind(j, TokenKind.NEWLINE)
          || t.isKind(j, TokenKind.INDENT)
          || t.isKind(j, TokenKind.DEDENT)) {
        return false;
      }
      if (t.depth(j) == depth && t.is(j, "return")) {
        return depth == 0;
      }
    }
    return false;
  }

  /** The index of the innermost bracket {@code open} that encloses token {@code i}, or -1. */
  private static int enclosing(Tokens t, int i, char open) {
    int depth = t.depth(i);
    for (int j = i - 1; j >= 0; j--) {
      if (t.depth(j) < depth && t.isOp(j, open) && t.match(j) > i) {
        return j;
      }
    }
    return -1;
  }

  /**
   * Whether the dict opened at {@code open} names WWW-Authenticate, or passes its "headers" as
   * something other than a literal dict (the benefit of the doubt).
   */
  private static boolean dictChallenges(Tokens t, int open) {
    int close = t.match(open);
    for (int j = open + 1; j < close; j++) {
      String value = t.stringValue(j);
      if (value == null) {
        continue;
      }
      if (value.equalsIgnoreCase("WWW-Authenticate")) {
        return true;
      }
      if (value.equals("headers") && t.depth(j) == t.depth(open) + 1) {
        int colon = t.skipTrivia(j + 1);
        if (t.isOp(colon, ':') && !t.isOp(t.skipTrivia(colon + 1), '{')) {
          return true;
        }
      }
    }
    return false;
  }

  /** (b) except clauses catching a JWT error that answer 400 or 403. */
  private static void jwtHandlers(String path, Blocks blocks, List<Evidence> findings) {
    for (Blocks.Block handler : blocks.of(Blocks.Kind.EXCEPT)) {
      var caught = JWT_ERRORS.matcher(handler.name());
      if (!caught.find()) {
        continue;
      }
      var wrong = WRONG_STATUS.matcher(stripped(blocks, handler));
      if (wrong.find()) {
        findings.add(
            Evidence.at(
                path,
                handler.line(),
                "an invalid token ("
                    + caught.group(1)
                    + ") is answered "
                    + wrong.group().toLowerCase(Locale.ROOT).replace("http_", "")
                    + " instead of 401"));
      }
    }
  }

  /** The handler body's code, strings and comments left out. */
  private static String stripped(Blocks blocks, Blocks.Block block) {
    Tokens t = blocks.tokens();
    StringBuilder code = new StringBuilder();
    boolean word = false;
    for (int j = block.firstToken(); j <= block.lastToken(); j++) {
      if (t.isKind(j, TokenKind.STRING) || t.isTrivia(j)) {
        word = false;
        continue;
      }
      boolean nameOrNumber = t.isName(j) || t.isKind(j, TokenKind.NUMBER);
      if (word && nameOrNumber) {
        code.append(' ');
      }
      code.append(t.text(j));
      word = nameOrNumber;
    }
    return code.toString();
  }

  private static Set<String> with(Set<String> names, String name) {
    Set<String> all = new java.util.HashSet<>(names);
    all.add(name);
    return Set.copyOf(all);
  }
}
