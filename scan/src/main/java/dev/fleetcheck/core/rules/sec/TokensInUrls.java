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
import dev.fleetcheck.core.rules.detect.RequestReads;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PY-SEC-014 (assisted): a token accepted in the URL, where proxies, browsers and access logs keep
 * it: FastAPI's {@code APIKeyQuery}, and query reads (FastAPI {@code Query()} parameters, {@code
 * request.args}/{@code GET}/{@code query_params}, Lambda {@code queryStringParameters}) of {@code
 * token}, {@code access_token}, {@code id_token}, {@code api_key}, {@code apikey} or {@code jwt}.
 * Logged tokens are PY-SEC-051's findings and echoed {@code Authorization} headers PY-SEC-047's
 * (one home per finding); route path parameters are not checked.
 */
public final class TokensInUrls implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-SEC-014",
              Set.of(Profile.API, Profile.LAMBDA),
              "Accept tokens and API keys only in the Authorization (or a dedicated) header, never"
                  + " in the query string.")
          .defined(
              "FAIL per token accepted in the URL: FastAPI `APIKeyQuery(...)`, or a query read"
                  + " (FastAPI `Query()` parameter, `request.args`/`GET`/`query_params`, Lambda"
                  + " `queryStringParameters`) of `token`, `access_token`, `id_token`, `api_key`,"
                  + " `apikey` or `jwt`. Logged tokens are judged under PY-SEC-051 and echoed"
                  + " `Authorization` headers under PY-SEC-047 (one home); path parameters are not"
                  + " checked. NOT_APPLICABLE without product code.",
              Effort.MEDIUM);

  private static final Set<String> TOKEN_KEYS =
      Set.of("token", "access_token", "id_token", "api_key", "apikey", "api-key", "jwt");
  private static final Set<String> API_KEY_QUERY =
      Set.of("fastapi.security.APIKeyQuery", "fastapi.security.api_key.APIKeyQuery");

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
    List<Evidence> findings = new ArrayList<>();
    for (PythonModule module : modules) {
      // The class's name is spelled in the call or in its import.
      if (!module.mentions("APIKeyQuery")) {
        continue;
      }
      for (Call call : module.calls()) {
        if (API_KEY_QUERY.contains(call.callee())) {
          findings.add(
              Evidence.at(
                  module.path(),
                  call.line(),
                  "APIKeyQuery takes the API key from the query string"));
        }
      }
    }
    for (RequestReads.Read read : context.fact(RequestReads.FACT).all()) {
      if (read.source() == RequestReads.Source.QUERY && TOKEN_KEYS.contains(read.normalisedKey())) {
        findings.add(
            Evidence.at(
                read.path(),
                read.line(),
                "the token \"" + read.key() + "\" is read from the query string"));
      }
    }
    return Outcome.assisted(findings);
  }
}
