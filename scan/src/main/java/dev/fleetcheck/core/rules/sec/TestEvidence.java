package dev.fleetcheck.core.rules.sec;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.python.TokenKind;
import dev.fleetcheck.core.python.Tokens;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Shared detector (RULES-NEXT family F20): what the repository's test code refers to, read once per
 * scan from its tokens (nothing inside comments counts): every identifier and imported module, the
 * denial statuses it names (the numbers 401/403, {@code HTTP_401_UNAUTHORIZED}, {@code
 * HTTPStatus.FORBIDDEN}), whether it signs tokens ({@code jwt.encode}, python-jose, authlib, key
 * generation) and whether it mentions a JWKS (a name or string holding {@code jwks}, as a stub
 * does).
 */
record TestEvidence(
    boolean hasTests,
    Set<String> names,
    Set<String> importedModules,
    Set<Integer> statuses,
    boolean signsTokens,
    boolean mentionsJwks) {

  static final Fact<TestEvidence> FACT = Fact.of("security-test-evidence", TestEvidence::read);

  private static TestEvidence read(Facts facts) {
    PythonCodebase codebase = PythonCodebase.of(facts);
    Set<String> names = new HashSet<>();
    Set<String> modules = new HashSet<>();
    Set<Integer> statuses = new HashSet<>();
    boolean hasTests = false;
    boolean signs = false;
    boolean jwks = false;
    for (PythonModule module : codebase.testModules()) {
      var tokens = codebase.tokens(module.path());
      if (tokens.isEmpty()) {
        continue;
      }
      hasTests = true;
      modules.addAll(module.imports().values());
      signs |= signs(module);
      jwks |= scan(tokens.get(), names, statuses);
    }
    return new TestEvidence(
        hasTests, Set.copyOf(names), Set.copyOf(modules), Set.copyOf(statuses), signs, jwks);
  }

  private static boolean signs(PythonModule module) {
    for (Call call : module.calls()) {
      String callee = call.callee();
      if (call.name().equals("encode") && callee.contains("jwt")
          || callee.contains("generate_private_key")
          || callee.contains("JsonWebKey.generate_key")
          || callee.contains("RSAKey.generate")
          || callee.startsWith("jwcrypto.jwk.JWK.generate")) {
        return true;
      }
    }
    return false;
  }

  /** Collects names and statuses; answers whether a JWKS is mentioned. */
  private static boolean scan(Tokens t, Set<String> names, Set<Integer> statuses) {
    boolean jwks = false;
    for (int i = 0; i < t.size(); i++) {
      if (t.isName(i)) {
        String name = t.text(i);
        names.add(name);
        jwks |= mentionsJwks(name);
        if (name.startsWith("HTTP_401") || name.equals("UNAUTHORIZED")) {
          statuses.add(401);
        } else if (name.startsWith("HTTP_403") || name.equals("FORBIDDEN")) {
          statuses.add(403);
        }
      } else if (t.isKind(i, TokenKind.NUMBER)) {
        if (t.is(i, "401")) {
          statuses.add(401);
        } else if (t.is(i, "403")) {
          statuses.add(403);
        }
      } else if (t.isKind(i, TokenKind.STRING)) {
        jwks |= mentionsJwks(t.text(i));
      }
    }
    return jwks;
  }

  /**
   * Whether the lower-cased text holds "jwks". Only 'j' and 'J' lower-case to 'j': a text without
   * either is not copied to find out.
   */
  private static boolean mentionsJwks(String text) {
    return (text.indexOf('j') >= 0 || text.indexOf('J') >= 0)
        && text.toLowerCase(Locale.ROOT).contains("jwks");
  }
}
