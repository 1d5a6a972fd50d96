package dev.fleetcheck.core.rules.sec;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Blocks;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.LogCalls;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PY-SEC-049 (assisted): authentication failures that leave no trace. The sites are the except
 * clauses catching a token library's error ({@code InvalidTokenError}, {@code PyJWTError}, {@code
 * DecodeError}, {@code ExpiredSignatureError}, {@code JWTError}, {@code JoseError}, DRF's {@code
 * AuthenticationFailed}, ...) and the calls answering 401. A site is logged when a log call lies in
 * the except clause or, for a 401, in the function that answers it. The rule fails only when no
 * site is logged and no product code names {@code security.audit}: one logged failure path gives
 * the benefit of the doubt.
 */
public final class UnloggedAuthFailures implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-SEC-049",
              Set.of(Profile.API),
              "Log every authentication failure (reason, request id, no token) or emit a"
                  + " security.audit event where credentials are rejected.")
          .defined(
              "The sites are except clauses catching a token error (`InvalidTokenError`,"
                  + " `PyJWTError`, `DecodeError`, `ExpiredSignatureError`, `JWTError`,"
                  + " `JoseError`, `AuthenticationFailed`, ...) and calls answering 401"
                  + " (Narrowed: a bare `InvalidToken` counts only as cryptography's, Fernet's or"
                  + " TOTP's: the name is also an invalid pagination token's error)"
                  + " (`HTTPException`, `abort`, a response class). FAIL, one finding per site, when"
                  + " no site has a log call (in the except clause, or in the function answering"
                  + " 401) and no product code names `security.audit`. NOT_APPLICABLE without such a"
                  + " site.",
              Effort.LOW);

  private static final Pattern TOKEN_ERRORS =
      Pattern.compile(
          "\\b(InvalidTokenError|PyJWTError|DecodeError|ExpiredSignatureError|JWTError"
              + "|JoseError|InvalidSignatureError|InvalidAudienceError|InvalidIssuerError"
              + "|AuthenticationFailed|NotAuthenticated|InvalidToken|ExpiredTokenError"
              + "|InvalidJWTError|BadSignature)\\b");
  // The names the clauses must mention; a module naming none is not tokenized again.
  private static final List<String> HINTS =
      List.of(
          "TokenError",
          "JWTError",
          "JoseError",
          "DecodeError",
          "SignatureError",
          "AudienceError",
          "IssuerError",
          "AuthenticationFailed",
          "NotAuthenticated",
          "InvalidToken",
          "BadSignature",
          "401",
          "UNAUTHORIZED");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    PythonCodebase codebase = PythonCodebase.of(context.facts());
    List<Evidence> unlogged = new ArrayList<>();
    boolean anySite = false;
    boolean anyLogged = false;
    for (PythonModule module : codebase.productModules()) {
      if (anyLogged) {
        // One logged site passes the rule whatever the other modules hold.
        break;
      }
      boolean catches = !module.exceptHandlers().isEmpty();
      if (!catches
          && module.calls().stream().noneMatch(c -> StatusResponses.status(c).orElse(0) == 401)) {
        continue;
      }
      Optional<Blocks> blocks = FunctionBodies.of(codebase, module, HINTS);
      if (blocks.isEmpty()) {
        continue;
      }
      LogCalls logs = LogCalls.of(module);
      List<Integer> logLines =
          module.calls().stream().filter(logs::isLogCall).map(Call::line).toList();
      for (Blocks.Block clause : blocks.get().of(Blocks.Kind.EXCEPT)) {
        if (catchesTokenError(module, clause.name())) {
          anySite = true;
          if (logLines.stream().anyMatch(clause::spans)) {
            anyLogged = true;
          } else {
            unlogged.add(
                Evidence.at(
                    module.path(),
                    clause.line(),
                    "authentication failure (except " + clause.name() + ") is not logged"));
          }
        }
      }
      for (Call call : module.calls()) {
        if (StatusResponses.status(call).orElse(0) != 401) {
          continue;
        }
        anySite = true;
        Optional<Blocks.Block> function = blocks.get().enclosingDef(call.line());
        if (function.isPresent() && logLines.stream().anyMatch(function.get()::spans)) {
          anyLogged = true;
        } else {
          unlogged.add(
              Evidence.at(
                  module.path(),
                  call.line(),
                  "401 answered by " + call.written() + "(...) without a log call"));
        }
      }
    }
    if (!anySite) {
      return Outcome.notApplicable("no authentication failure site (token errors caught, 401s)");
    }
    return Outcome.assisted(anyLogged || audits(codebase) ? List.of() : unlogged);
  }

  /**
   * Whether an except clause's text names a token error. {@code InvalidToken} alone is too common a
   * name (moto's invalid pagination token is one): it counts only as cryptography's (Fernet, TOTP,
   * HOTP), imported from it or written through a name imported from it.
   */
  static boolean catchesTokenError(PythonModule module, String clause) {
    Matcher m = TOKEN_ERRORS.matcher(clause);
    while (m.find()) {
      if (!m.group(1).equals("InvalidToken")) {
        return true;
      }
      int start = m.start();
      while (start > 0
          && (Character.isJavaIdentifierPart(clause.charAt(start - 1))
              || clause.charAt(start - 1) == '.')) {
        start--;
      }
      String written = clause.substring(start, m.end());
      int dot = written.indexOf('.');
      String head = dot < 0 ? written : written.substring(0, dot);
      String resolved = module.imports().getOrDefault(head, head);
      String qualified = dot < 0 ? resolved : resolved + written.substring(dot);
      if (qualified.startsWith("cryptography.")) {
        return true;
      }
    }
    return false;
  }

  /** Whether any product module names {@code security.audit}: asked only when it decides. */
  private static boolean audits(PythonCodebase codebase) {
    for (PythonModule module : codebase.productModules()) {
      if (ModuleStrings.first(module, AuditedPersonalData.EVENT::equals).isPresent()) {
        return true;
      }
    }
    return false;
  }
}
