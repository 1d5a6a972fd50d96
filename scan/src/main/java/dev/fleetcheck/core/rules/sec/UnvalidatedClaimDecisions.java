package dev.fleetcheck.core.rules.sec;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.TokenKind;
import dev.fleetcheck.core.python.Tokens;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.ProductCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PY-SEC-031 (assisted): an access decision fed by what the client sent. An {@code if}/{@code elif}
 * condition that reads {@code role}, {@code roles}, {@code scope}, {@code scopes}, {@code
 * is_admin}, {@code permissions} or {@code tenant_id} from the request body or query ({@code
 * request.json[...]}, {@code request.args.get(...)}, {@code request.GET}/{@code POST}/{@code
 * data}/{@code form}/{@code query_params}, {@code request.get_json()[...]}) or from a local named
 * {@code body}/{@code request_body}/{@code json_body}/{@code params}/{@code query_params}. Headers
 * naming identity are PY-SEC-007's findings (one home per finding).
 */
public final class UnvalidatedClaimDecisions implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-SEC-031",
              Set.of(Profile.API),
              "Base roles, scopes and tenant decisions on claims of a verified token or the"
                  + " server's own records, never on fields the client sends.")
          .defined(
              "FAIL per `if`/`elif` condition that reads `role`, `roles`, `scope`, `scopes`,"
                  + " `is_admin`, `permissions` or `tenant_id` by subscript or `.get()` from the"
                  + " request body or query (`request.json`, `request.get_json()`, `request.args`,"
                  + " `request.GET`/`POST`/`data`/`form`/`query_params`) or from a local named"
                  + " `body`, `request_body`, `json_body`, `params` or `query_params`. Identity"
                  + " headers are judged under PY-SEC-007. NOT_APPLICABLE without product code.",
              Effort.MEDIUM);

  private static final Set<String> CLAIMS =
      Set.of("role", "roles", "scope", "scopes", "is_admin", "permissions", "tenant_id");
  private static final Set<String> REQUEST_PARTS =
      Set.of("json", "get_json", "args", "GET", "POST", "data", "form", "query_params", "values");
  private static final Set<String> BODY_LOCALS =
      Set.of("body", "request_body", "json_body", "params", "query_params");

  /** A claim read from the request is read from one of these names ({@link #fromRequest}). */
  private static final Set<String> HOLDERS =
      Set.of("request", "body", "request_body", "json_body", "params", "query_params");

  private static final List<String> HINTS =
      List.of("role", "scope", "is_admin", "permissions", "tenant_id");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    PythonCodebase codebase = PythonCodebase.of(context.facts());
    return ProductCode.outcome(
        context,
        module -> {
          List<Evidence> findings = new ArrayList<>();
          if (!module.mentionsAny(HOLDERS)) {
            return findings;
          }
          codebase
              .text(module.path())
              .filter(text -> text.contains("if ") && HINTS.stream().anyMatch(text::contains))
              .flatMap(text -> codebase.tokens(module.path()))
              .ifPresent(tokens -> conditions(module.path(), tokens, findings));
          return findings;
        });
  }

  private static void conditions(String path, Tokens t, List<Evidence> findings) {
    for (int i = 0; i < t.size(); i++) {
      if (!t.isName(i) || !(t.is(i, "if") || t.is(i, "elif"))) {
        continue;
      }
      int depth = t.depth(i);
      for (int j = i + 1; j < t.size(); j++) {
        if (t.isKind(j, TokenKind.NEWLINE) || t.depth(j) == depth && t.isOp(j, ':')) {
          break;
        }
        String value = t.isKind(j, TokenKind.STRING) ? t.stringValue(j) : null;
        if (value != null && CLAIMS.contains(value) && fromRequest(t, j)) {
          findings.add(
              Evidence.at(
                  path,
                  t.line(j),
                  "access decision on \"" + value + "\" sent by the client in the request"));
          break;
        }
      }
    }
  }

  /** The key at {@code key} is read by {@code holder[...]} or {@code holder.get(...)}. */
  private static boolean fromRequest(Tokens t, int key) {
    int before = t.skipTriviaBack(key - 1);
    int holderEnd;
    if (t.isOp(before, '[')) {
      holderEnd = t.skipTriviaBack(before - 1);
    } else if (t.isOp(before, '(')) {
      int get = t.skipTriviaBack(before - 1);
      int dot = t.skipTriviaBack(get - 1);
      if (!t.is(get, "get") || !t.isOp(dot, '.')) {
        return false;
      }
      holderEnd = t.skipTriviaBack(dot - 1);
    } else {
      return false;
    }
    // `request.get_json()["role"]`: step over the call's brackets.
    if (t.isOp(holderEnd, ')')) {
      int open = t.match(holderEnd);
      holderEnd = open >= 0 ? t.skipTriviaBack(open - 1) : -1;
    }
    if (!t.isName(holderEnd)) {
      return false;
    }
    String last = t.text(holderEnd);
    int dot = t.skipTriviaBack(holderEnd - 1);
    if (t.isOp(dot, '.')) {
      int owner = t.skipTriviaBack(dot - 1);
      return REQUEST_PARTS.contains(last) && t.is(owner, "request");
    }
    return BODY_LOCALS.contains(last);
  }
}
