package dev.fleetcheck.core.rules.err;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Blocks;
import dev.fleetcheck.core.python.FunctionDef;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.python.TokenKind;
import dev.fleetcheck.core.python.Tokens;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.LambdaHandlers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PY-ERR-003 (assisted): success responses that carry an error. Two shapes are evident: (1) in a
 * Lambda handler's module, a dict literal with {@code "statusCode": 200|201} that also holds an
 * {@code error}/{@code errors} key or {@code "success"|"ok": False} (in its body too), or that sits
 * in an except clause; (2) a FastAPI/Flask route function that returns such an error dict (bare or
 * through {@code jsonify}) with no status after it, in a function that never sets a status ({@code
 * status_code}, {@code status=}, {@code abort}, {@code HTTPException}). Left out: Django views and
 * statuses set by decorators.
 */
public final class ErrorsWithSuccessStatus implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-ERR-003",
              Set.of(Profile.API, Profile.LAMBDA),
              "Answer errors with a 4xx/5xx status (raise HTTPException, return (body, 400), set"
                  + " statusCode 4xx/5xx) instead of a 200 whose body says error.")
          .defined(
              "FAIL per Lambda response dict with statusCode 200/201 that carries an error/errors"
                  + " key or success/ok False, or is built in an except clause; and per"
                  + " FastAPI/Flask route returning such an error dict (or jsonify of it) without a"
                  + " status, in a function that sets none; else MANUAL. NOT_APPLICABLE without"
                  + " product code.",
              Effort.LOW);

  private static final Set<String> ROUTE_VERBS =
      Set.of("get", "post", "put", "patch", "delete", "route", "api_route");
  private static final Set<String> STATUS_WORDS =
      Set.of("status_code", "status", "abort", "HTTPException", "make_response");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    PythonCodebase codebase = PythonCodebase.of(context.facts());
    List<PythonModule> modules = codebase.productModules();
    if (modules.isEmpty()) {
      return Outcome.notApplicable("no Python product code");
    }
    Set<String> lambdaModules = new HashSet<>();
    for (LambdaHandlers.Handler handler : context.fact(LambdaHandlers.FACT)) {
      lambdaModules.add(handler.path());
    }
    List<Evidence> findings = new ArrayList<>();
    for (PythonModule module : modules) {
      boolean lambda = lambdaModules.contains(module.path());
      // A route decorator spells its verb as a name.
      List<FunctionDef> routes = module.mentionsAny(ROUTE_VERBS) ? routes(module) : List.of();
      if (!lambda && routes.isEmpty()) {
        continue;
      }
      Optional<Tokens> tokens = codebase.tokens(module.path());
      if (tokens.isEmpty()) {
        continue;
      }
      Tokens t = tokens.get();
      if (lambda) {
        lambdaResponses(module, t, findings);
      }
      if (!routes.isEmpty()) {
        codebase
            .blocks(module.path())
            .ifPresent(blocks -> routeReturns(module, blocks, routes, findings));
      }
    }
    return Outcome.assisted(findings);
  }

  private List<FunctionDef> routes(PythonModule module) {
    List<FunctionDef> routes = new ArrayList<>();
    for (FunctionDef function : module.functions()) {
      if (route(function)) {
        routes.add(function);
      }
    }
    return routes;
  }

  private boolean route(FunctionDef function) {
    for (String decorator : function.decorators()) {
      int dot = decorator.lastIndexOf('.');
      if (dot >= 0 && isRouteVerb(decorator, dot + 1)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code decorator} from {@code start} on is one of {@link #ROUTE_VERBS}. */
  private static boolean isRouteVerb(String decorator, int start) {
    int length = decorator.length() - start;
    for (String verb : ROUTE_VERBS) {
      if (verb.length() == length && decorator.startsWith(verb, start)) {
        return true;
      }
    }
    return false;
  }

  private static void lambdaResponses(PythonModule module, Tokens t, List<Evidence> findings) {
    for (int i = 0; i < t.size(); i++) {
      if (!key(t, i, "statusCode")) {
        continue;
      }
      int value = t.skipTrivia(t.skipTrivia(i + 1) + 1);
      if (!t.isKind(value, TokenKind.NUMBER) || !(t.is(value, "200") || t.is(value, "201"))) {
        continue;
      }
      int open = enclosingBrace(t, i);
      if (open < 0) {
        continue;
      }
      int line = t.line(i);
      if (carriesError(t, open, t.match(open))) {
        findings.add(
            Evidence.at(
                module.path(), line, "statusCode " + t.text(value) + " with an error body"));
      } else if (module.exceptHandlers().stream()
          .anyMatch(h -> h.covers(line) && line > h.line())) {
        findings.add(
            Evidence.at(
                module.path(),
                line,
                "statusCode " + t.text(value) + " returned from an except clause"));
      }
    }
  }

  private static void routeReturns(
      PythonModule module, Blocks blocks, List<FunctionDef> routes, List<Evidence> findings) {
    Tokens t = blocks.tokens();
    for (Blocks.Block block : blocks.of(Blocks.Kind.DEF)) {
      if (routes.stream().noneMatch(f -> f.line() == block.line() && f.name().equals(block.name()))
          || setsStatus(t, block)) {
        continue;
      }
      for (int i = block.firstToken(); i <= block.lastToken(); i++) {
        if (!t.is(i, "return") || !t.isKind(i, TokenKind.NAME)) {
          continue;
        }
        int start = t.skipTrivia(i + 1);
        int body = start;
        if (t.is(start, "jsonify") && t.isOp(t.skipTrivia(start + 1), '(')) {
          body = t.skipTrivia(start + 1);
        }
        if (!t.isOp(body, '{') && !t.isOp(body, '(')) {
          continue;
        }
        int close = t.match(body);
        if (close < 0 || t.isOp(t.skipTrivia(close + 1), ',')) {
          continue;
        }
        boolean error =
            t.isOp(body, '{') ? carriesError(t, body, close) : jsonifyError(t, body, close);
        if (error) {
          findings.add(
              Evidence.at(
                  module.path(),
                  t.line(i),
                  "route " + block.name() + " returns an error body with status 200"));
        }
      }
    }
  }

  private static boolean setsStatus(Tokens t, Blocks.Block block) {
    for (int i = block.firstToken(); i <= block.lastToken(); i++) {
      if (t.isKind(i, TokenKind.NAME) && STATUS_WORDS.contains(t.text(i))) {
        return true;
      }
    }
    return false;
  }

  /** {@code jsonify(error=...)} or {@code jsonify({"error": ...})}. */
  private static boolean jsonifyError(Tokens t, int open, int close) {
    int first = t.skipTrivia(open + 1);
    if (t.isOp(first, '{')) {
      return carriesError(t, first, t.match(first));
    }
    for (int i = open + 1; i < close; i++) {
      if (t.depth(i) == t.depth(first)
          && (t.is(i, "error") || t.is(i, "errors"))
          && t.isOp(t.skipTrivia(i + 1), '=')) {
        return true;
      }
    }
    return false;
  }

  /**
   * An {@code error}/{@code errors} key, or {@code success}/{@code ok} False, within the braces.
   */
  private static boolean carriesError(Tokens t, int open, int close) {
    for (int i = open + 1; i < close; i++) {
      if (key(t, i, "error") || key(t, i, "errors")) {
        return true;
      }
      if ((key(t, i, "success") || key(t, i, "ok"))
          && t.is(t.skipTrivia(t.skipTrivia(i + 1) + 1), "False")) {
        return true;
      }
    }
    return false;
  }

  private static boolean key(Tokens t, int i, String name) {
    // A literal's value is shorter than its token by the quotes at least; then the colon, before
    // decoding the literal, which costs more: most literals are not dict keys.
    return t.isKind(i, TokenKind.STRING)
        && t.length(i) >= name.length() + 2
        && t.isOp(t.skipTrivia(i + 1), ':')
        && mayHold(t, i, name)
        && name.equals(t.stringValue(i));
  }

  /**
   * A test, without decoding, that literal {@code i} can hold {@code name}: a literal's value is
   * its text between the quotes unless the text holds a backslash, so a literal holding the name
   * either spells the name in its text or holds a backslash.
   */
  private static boolean mayHold(Tokens t, int i, String name) {
    String source = t.source();
    int end = t.end(i);
    int lastStart = end - name.length();
    char first = name.charAt(0);
    for (int at = t.start(i); at < end; at++) {
      char c = source.charAt(at);
      if (c == '\\') {
        return true;
      }
      if (c == first && at <= lastStart && source.startsWith(name, at)) {
        return true;
      }
    }
    return false;
  }

  private static int enclosingBrace(Tokens t, int i) {
    for (int j = i - 1; j >= 0; j--) {
      if (t.isOp(j, '{') && t.match(j) > i) {
        return j;
      }
    }
    return -1;
  }
}
