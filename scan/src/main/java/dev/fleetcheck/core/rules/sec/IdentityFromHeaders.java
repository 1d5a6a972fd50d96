package dev.fleetcheck.core.rules.sec;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.python.StringLiterals;
import dev.fleetcheck.core.python.TokenKind;
import dev.fleetcheck.core.python.Tokens;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.ModuleValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PY-SEC-007 (assisted): identity taken from a source nobody validated: a read of a header that
 * names the user, email, roles or scopes ({@code request.headers["X-User-Id"]}, {@code
 * .headers.get(...)}, {@code request.META["HTTP_X_USER_ID"]}, {@code event["headers"][...]},
 * FastAPI {@code Header()} parameters), claims read without verifying the token ({@code
 * get_unverified_claims}), or a JWT payload decoded by hand ({@code token.split(".")[1]}).
 */
public final class IdentityFromHeaders implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-SEC-007",
              Set.of(Profile.API, Profile.LAMBDA),
              "Take identity only from a verified credential (a validated JWT, a session, the API"
                  + " Gateway authorizer context); never from X-User-*/X-Roles headers a client can"
                  + " set.")
          .defined(
              "FAIL on an evident violation: identity from an unvalidated source: a "
                  + "read (subscript or `.get`, not a write) of a header naming the user, "
                  + "email, roles or scopes (`X-User*`, `X-Forwarded-User|Email`, "
                  + "`X-Remote-User`, `Remote-User`, `X-Auth-Request-User|Email`, "
                  + "`X-Authenticated-User`, `X-Email`, `X-Role(s)`, `X-Scopes`) on "
                  + "`headers`, Django `META` (`HTTP_X_...`) or a Lambda "
                  + "`event[\"headers\"]`; a FastAPI `Header()` parameter of such a name or "
                  + "alias; `get_unverified_claims(...)`; `base64` decoding of "
                  + "`token.split(\".\")[1]`. Narrowed: `jwt.get_unverified_header` is not "
                  + "judged",
              Effort.HIGH);

  /**
   * A name each call {@link #call} reports spells: its callee resolves through an import of {@code
   * base64} or {@code fastapi}, or ends in the method {@code get_unverified_claims}.
   */
  private static final List<String> CALL_NAMES =
      List.of("get_unverified_claims", "base64", "fastapi");

  private static final Pattern IDENTITY_HEADER =
      Pattern.compile(
          "x-user.*|x-forwarded-(user|email)|x-remote-user|remote-user|x-auth-request-(user|email)"
              + "|x-authenticated-user|x-email|x-roles?|x-scopes");

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
    PythonCodebase codebase = PythonCodebase.of(context.facts());
    List<Evidence> findings = new ArrayList<>();
    for (PythonModule module : modules) {
      if (module.mentionsAny(CALL_NAMES)) {
        for (Call call : module.calls()) {
          call(module, call).ifPresent(findings::add);
        }
      }
      Optional<String> text = codebase.text(module.path());
      if (text.isPresent() && holdsHeaders(text.get()) && hinted(text.get())) {
        codebase.tokens(module.path()).ifPresent(t -> headerReads(module.path(), t, findings));
      }
    }
    return Outcome.assisted(findings);
  }

  /**
   * Every read {@link #headerReads} reports is on {@code headers} or {@code META} (names) or on a
   * {@code ["headers"]} subscript (a string in any letter case): a text without these has none.
   */
  private static boolean holdsHeaders(String text) {
    return text.contains("META") || AsciiText.containsIgnoreCase(text, "headers");
  }

  /** Cheap pre-filter before a module's tokens are walked: a hint in any letter case. */
  private static boolean hinted(String text) {
    return AsciiText.containsIgnoreCase(text, "x-")
        || AsciiText.containsIgnoreCase(text, "http_x_")
        || AsciiText.containsIgnoreCase(text, "remote");
  }

  private static Optional<Evidence> call(PythonModule module, Call call) {
    String callee = call.callee();
    if (callee.endsWith("get_unverified_claims")) {
      return Optional.of(
          Evidence.at(
              module.path(),
              call.line(),
              "claims read from an unverified token: " + call.written() + "(...)"));
    }
    if (callee.startsWith("base64.")
        && callee.contains("b64decode")
        && !call.positional().isEmpty()
        && ModuleValues.text(call.positional().get(0))
            .replace(" ", "")
            .contains(".split(\".\")[1]")) {
      return Optional.of(
          Evidence.at(
              module.path(),
              call.line(),
              "JWT payload decoded by hand without verifying the signature: "
                  + call.written()
                  + "(...split(\".\")[1])"));
    }
    if (callee.equals("fastapi.Header") && !call.parameter().isEmpty()) {
      String header =
          call.keyword("alias")
              .flatMap(v -> ModuleValues.string(module, v))
              .orElse(call.parameter().replace('_', '-'));
      if (identityHeader(header)) {
        return Optional.of(
            Evidence.at(
                module.path(),
                call.line(),
                "identity taken from the request header " + header + " (FastAPI Header())"));
      }
    }
    return Optional.empty();
  }

  /** Subscript and {@code .get} reads of identity headers on headers, META or event headers. */
  private static void headerReads(String path, Tokens t, List<Evidence> findings) {
    for (int i = 0; i < t.size(); i++) {
      if (!t.isKind(i, TokenKind.STRING) || !mayStartLikeHeader(t, i)) {
        continue;
      }
      String value = StringLiterals.value(t.text(i));
      if (value == null || !identityHeader(value)) {
        continue;
      }
      int before = t.skipTriviaBack(i - 1);
      boolean read = false;
      if (before >= 0 && t.isOp(before, '[')) {
        int close = t.match(before);
        boolean written = close > before && t.isOp(t.skipTrivia(close + 1), '=');
        read = !written && headerHolder(t, t.skipTriviaBack(before - 1));
      } else if (before >= 0 && t.isOp(before, '(')) {
        int get = t.skipTriviaBack(before - 1);
        int dot = t.skipTriviaBack(get - 1);
        read =
            get >= 0
                && t.is(get, "get")
                && dot >= 0
                && t.isOp(dot, '.')
                && headerHolder(t, t.skipTriviaBack(dot - 1));
      }
      if (read) {
        findings.add(
            Evidence.at(
                path, t.line(i), "identity taken from the request header " + normalised(value)));
      }
    }
  }

  /**
   * Whether string token {@code i}'s value may start with a letter an identity header starts with,
   * read in the source without copying the token (docstrings are long): false only when the value
   * certainly starts with a plain character outside x, r and h. A token that opens with three
   * quotes yields its fourth character, or a quote when it is not triple-quoted after all.
   */
  private static boolean mayStartLikeHeader(Tokens t, int i) {
    String source = t.source();
    int end = t.end(i);
    int quote = t.start(i);
    while (quote < end && source.charAt(quote) != '"' && source.charAt(quote) != '\'') {
      quote++;
    }
    if (quote + 1 >= end) {
      return true;
    }
    char q = source.charAt(quote);
    int first = quote + 1;
    if (quote + 2 < end && source.charAt(quote + 1) == q && source.charAt(quote + 2) == q) {
      first = quote + 3;
    }
    // A backslash may escape any letter, and a quote may end an empty literal: both undecided.
    return first >= end || "xXrRhH\\\"'".indexOf(source.charAt(first)) >= 0;
  }

  /** {@code headers}, {@code META}, or a subscript ending in {@code ["headers"]}. */
  private static boolean headerHolder(Tokens t, int i) {
    if (i < 0) {
      return false;
    }
    if (t.isName(i)) {
      return t.is(i, "headers") || t.is(i, "META");
    }
    if (t.isOp(i, ']')) {
      int key = t.skipTriviaBack(i - 1);
      if (key >= 0 && t.isKind(key, TokenKind.STRING)) {
        String value = StringLiterals.value(t.text(key));
        return value != null && value.equalsIgnoreCase("headers");
      }
    }
    return false;
  }

  private static boolean identityHeader(String name) {
    // Only x/X, r/R and h/H (of "http-") lower-case to the letters a header named so starts with.
    if (name.isEmpty() || "xXrRhH".indexOf(name.charAt(0)) < 0) {
      return false;
    }
    String normalised = normalised(name);
    // Every alternative of the pattern starts with one of these two.
    return (normalised.startsWith("x-") || normalised.startsWith("remote-user"))
        && IDENTITY_HEADER.matcher(normalised).matches();
  }

  private static String normalised(String name) {
    String lower = name.toLowerCase(Locale.ROOT).replace('_', '-');
    return lower.startsWith("http-") ? lower.substring(5) : lower;
  }
}
