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
import dev.fleetcheck.core.rules.detect.LambdaHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * PY-SEC-054 (assisted): token validation and authorizer wiring nobody tests. (a) Product code
 * verifies JWTs against an issuer's keys ({@code PyJWKClient}, a decode call with {@code issuer=},
 * a JWKS or OIDC discovery URL) while test code neither signs a token ({@code jwt.encode}, key
 * generation) nor mentions a JWKS stub; (b) a Lambda authorizer named by a template whose module no
 * test imports.
 */
public final class UntestedTokenValidation implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-SEC-054",
              Set.of(Profile.API, Profile.LAMBDA),
              "Test token validation with tokens the test signs (and a stubbed JWKS), and test the"
                  + " Lambda authorizer by invoking its handler.")
          .defined(
              "FAIL (a) at the first JWT verification against an issuer (`PyJWKClient`, `decode(...,"
                  + " issuer=...)`, a `jwks`/`.well-known` URL literal) when no test signs a token"
                  + " (`jwt.encode`, python-jose, authlib, key generation) or mentions a JWKS; (b)"
                  + " per Lambda authorizer a template names whose module no test imports."
                  + " NOT_APPLICABLE when neither exists.",
              Effort.MEDIUM);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<LambdaHandlers.Handler> authorizers =
        context.fact(LambdaHandlers.FACT).stream()
            .filter(LambdaHandlers.Handler::authorizer)
            .toList();
    // The verification is looked for only where it decides: applicability or finding (a).
    Optional<Evidence> verification = Optional.empty();
    if (authorizers.isEmpty()) {
      verification = verification(context);
      if (verification.isEmpty()) {
        return Outcome.notApplicable(
            "no JWT verification against an issuer and no Lambda authorizer");
      }
    }
    TestEvidence tests = context.fact(TestEvidence.FACT);
    List<Evidence> findings = new ArrayList<>();
    if (!tests.signsTokens() && !tests.mentionsJwks()) {
      if (!authorizers.isEmpty()) {
        verification = verification(context);
      }
      verification.ifPresent(findings::add);
    }
    for (LambdaHandlers.Handler authorizer : authorizers) {
      if (!imported(authorizer.path(), tests.importedModules())) {
        findings.add(
            Evidence.at(
                authorizer.path(),
                authorizer.line(),
                "Lambda authorizer " + authorizer.function() + " is imported by no test"));
      }
    }
    return Outcome.assisted(findings);
  }

  /** The first JWT verification against an issuer in product code. */
  private static Optional<Evidence> verification(RuleContext context) {
    for (PythonModule module : PythonCodebase.of(context.facts()).productModules()) {
      Optional<Evidence> found = verification(module);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<Evidence> verification(PythonModule module) {
    // A verifying call spells PyJWKClient (in the call or its import) or the keyword issuer.
    boolean named = module.mentions("PyJWKClient") || module.mentions("issuer");
    for (Call call : named ? module.calls() : List.<Call>of()) {
      boolean keys = call.name().equals("PyJWKClient") && call.callee().startsWith("jwt.");
      boolean issuer = call.name().equals("decode") && call.hasKeyword("issuer");
      if (keys || issuer) {
        return Optional.of(finding(module, call.line()));
      }
    }
    return ModuleStrings.first(module, UntestedTokenValidation::keysUrl)
        .map(literal -> finding(module, literal.line()));
  }

  private static boolean keysUrl(String value) {
    // Only "http" in any case lower-cases to "http": other values are not copied.
    if (!value.regionMatches(true, 0, "http", 0, 4)) {
      return false;
    }
    String lower = value.toLowerCase(Locale.ROOT);
    return lower.startsWith("http") && (lower.contains("jwks") || lower.contains("/.well-known/"));
  }

  private static Evidence finding(PythonModule module, int line) {
    return Evidence.at(
        module.path(),
        line,
        "tokens are verified against an issuer's keys but no test signs a token or stubs the JWKS");
  }

  /** Whether a test imports the module at {@code path} (by its dotted path or its last part). */
  private static boolean imported(String path, Set<String> modules) {
    String dotted = path.replaceAll("\\.py$", "").replace('/', '.');
    String last = dotted.substring(dotted.lastIndexOf('.') + 1);
    for (String module : modules) {
      if (module.equals(dotted)
          || dotted.endsWith("." + module)
          || module.equals(last)
          || module.endsWith("." + last)
          || module.startsWith(dotted + ".")) {
        return true;
      }
    }
    return false;
  }
}
