package dev.fleetcheck.core.rules.sec;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Assignment;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.PublicHosts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * PY-SEC-013 (assisted), for code that verifies JWTs: a JWKS or OIDC discovery URL fetched over
 * plaintext {@code http://} from a public host, a {@code PyJWKClient} with its key cache turned
 * off, and a public key pasted into the code as a PEM literal while tokens are checked against an
 * issuer (the key cannot rotate). Not checked: uncached hand-written JWKS fetches.
 */
public final class InsecureJwks implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-SEC-013",
              Set.of(Profile.API),
              "Fetch signing keys from the issuer's JWKS over HTTPS, cache them (PyJWKClient's"
                  + " cache) and refetch on an unknown kid, instead of pasting keys into code.")
          .defined(
              "Applies when product code verifies JWTs (`jwt.decode`, python-jose, authlib,"
                  + " `PyJWKClient`). FAIL per JWKS or `.well-known` URL literal with `http://` and"
                  + " a public host; per `PyJWKClient(..., cache_jwk_set=False)`; per PEM public key"
                  + " or certificate literal in a module while a decode call passes `issuer=`."
                  + " Uncached hand-written JWKS fetches are not checked. NOT_APPLICABLE without"
                  + " JWT verification.",
              Effort.MEDIUM);

  private static final Set<String> DECODERS =
      Set.of(
          "jwt.decode",
          "jose.jwt.decode",
          "authlib.jose.jwt.decode",
          "jwt.api_jwt.decode",
          "jwt.decode_complete");

  /** The last parts of the verifying callees, spelled in the call or in its import. */
  private static final Set<String> VERIFIER_NAMES =
      Set.of("decode", "decode_complete", "PyJWKClient");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<PythonModule> modules = PythonCodebase.of(context.facts()).productModules();
    boolean verifies = false;
    boolean issuer = false;
    for (PythonModule module : modules) {
      if (verifies && issuer) {
        break;
      }
      if (!module.mentionsAny(VERIFIER_NAMES)) {
        continue;
      }
      for (Call call : module.calls()) {
        if (DECODERS.contains(call.callee()) || jwkClient(call)) {
          verifies = true;
          issuer |= call.hasKeyword("issuer");
        }
      }
    }
    if (!verifies) {
      return Outcome.notApplicable("no JWT verification in product code");
    }
    List<Evidence> findings = new ArrayList<>();
    for (PythonModule module : modules) {
      for (ModuleStrings.Literal literal : ModuleStrings.of(module)) {
        String lower = literal.value().toLowerCase(Locale.ROOT);
        if ((lower.contains("jwks") || lower.contains("/.well-known/"))
            && PublicHosts.plaintextPublicHost(literal.value()).isPresent()) {
          findings.add(
              Evidence.at(
                  module.path(),
                  literal.line(),
                  "signing keys fetched over plaintext http:// (" + literal.value() + ")"));
        }
      }
      boolean client = module.mentions("PyJWKClient");
      for (Call call : client ? module.calls() : List.<Call>of()) {
        if (jwkClient(call) && call.keyword("cache_jwk_set").filter(PyValue::isFalse).isPresent()) {
          findings.add(
              Evidence.at(module.path(), call.line(), "PyJWKClient with its key cache turned off"));
        }
      }
      if (issuer) {
        for (Assignment assignment : module.assignments()) {
          if (assignment.value() instanceof PyValue.Str str && pem(str.value())) {
            findings.add(
                Evidence.at(
                    module.path(),
                    assignment.line(),
                    "public key pasted into code as " + assignment.target() + " (cannot rotate)"));
          }
        }
      }
    }
    return Outcome.assisted(findings);
  }

  private static boolean jwkClient(Call call) {
    return call.name().equals("PyJWKClient") && call.callee().startsWith("jwt.");
  }

  private static boolean pem(String value) {
    return value.contains("-----BEGIN PUBLIC KEY-----")
        || value.contains("-----BEGIN RSA PUBLIC KEY-----")
        || value.contains("-----BEGIN CERTIFICATE-----");
  }
}
