package dev.fleetcheck.serve;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Validates bearer tokens as API Gateway's JWT authorizer would: a signed JWT (never {@code alg:
 * none}, never an algorithm outside the allow-list) whose signature verifies with a key of the JWKS
 * of the key type and algorithm its header names (so an HMAC header cannot be verified with an RSA
 * key's bytes), with the configured issuer and audience, and inside its {@code exp}/{@code nbf}
 * window give or take a bounded clock skew.
 */
final class JwtValidator {

  /** The largest clock skew accepted; beyond it an expired token would live on noticeably. */
  static final Duration MAX_SKEW = Duration.ofMinutes(5);

  private final DefaultJWTProcessor<SecurityContext> processor;
  private final Set<JWSAlgorithm> algorithms;

  /**
   * @param keys the JWKS whose keys may sign tokens
   * @param algorithms the allowed signature algorithms: asymmetric only
   */
  JwtValidator(
      JWKSource<SecurityContext> keys,
      String issuer,
      String audience,
      Set<JWSAlgorithm> algorithms,
      Duration skew) {
    if (skew.isNegative() || skew.compareTo(MAX_SKEW) > 0) {
      throw new IllegalArgumentException("the clock skew is between 0 and " + MAX_SKEW);
    }
    for (JWSAlgorithm algorithm : algorithms) {
      if (!JWSAlgorithm.Family.RSA.contains(algorithm)
          && !JWSAlgorithm.Family.EC.contains(algorithm)
          && !JWSAlgorithm.Family.ED.contains(algorithm)) {
        throw new IllegalArgumentException(
            "only asymmetric signature algorithms are allowed, not " + algorithm);
      }
    }
    this.algorithms = Set.copyOf(algorithms);
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        new DefaultJWTClaimsVerifier<>(
            audience,
            new JWTClaimsSet.Builder().issuer(issuer).build(),
            Set.of("exp", "iss", "aud"));
    claims.setMaxClockSkew((int) skew.toSeconds());
    processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(this.algorithms, keys));
    processor.setJWTClaimsSetVerifier(claims);
  }

  /** Parses {@code value} (a comma-separated list such as {@code RS256,ES256}). */
  static Set<JWSAlgorithm> algorithms(String value) {
    Set<JWSAlgorithm> parsed = new LinkedHashSet<>();
    for (String name : value.split(",")) {
      String trimmed = name.strip().toUpperCase(Locale.ROOT);
      if (trimmed.isEmpty()) {
        continue;
      }
      JWSAlgorithm algorithm = JWSAlgorithm.parse(trimmed);
      if (!JWSAlgorithm.Family.SIGNATURE.contains(algorithm)) {
        throw new IllegalArgumentException(
            "an asymmetric JWS algorithm (RS256, ES256, PS256, EdDSA...), not " + trimmed);
      }
      parsed.add(algorithm);
    }
    if (parsed.isEmpty()) {
      throw new IllegalArgumentException("at least one algorithm");
    }
    return parsed;
  }

  TokenCheck check(String token) {
    SignedJWT jwt;
    try {
      if (!(JWTParser.parse(token) instanceof SignedJWT signed)) {
        return new TokenCheck.Invalid("the token is not a signed JWT");
      }
      jwt = signed;
    } catch (ParseException | RuntimeException e) {
      return new TokenCheck.Invalid("the token is not a JWT");
    }
    if (!algorithms.contains(jwt.getHeader().getAlgorithm())) {
      return new TokenCheck.Invalid("the token's algorithm is not allowed");
    }
    JWTClaimsSet claims;
    try {
      claims = processor.process(jwt, null);
    } catch (BadJWTException e) {
      return new TokenCheck.Invalid(claimsReason(e));
    } catch (BadJOSEException e) {
      return new TokenCheck.Invalid("the token's signature does not verify");
    } catch (JOSEException | RuntimeException e) {
      return new TokenCheck.Invalid("the token cannot be verified");
    }
    return valid(claims);
  }

  /** A fixed phrase for what the claims verifier found; nimbus's messages may quote claims. */
  private static String claimsReason(BadJWTException e) {
    String message = String.valueOf(e.getMessage());
    if (message.startsWith("Expired")) {
      return "the token has expired";
    }
    if (message.contains("before use time")) {
      return "the token is not valid yet";
    }
    if (message.contains(" aud claim")) {
      return "the token is for another audience";
    }
    if (message.contains(" iss claim")) {
      return "the token is from another issuer";
    }
    if (message.contains("missing required claims")) {
      return "the token lacks exp, iss or aud";
    }
    return "the token's claims are not valid";
  }

  private static TokenCheck valid(JWTClaimsSet claims) {
    Map<String, String> flat = new LinkedHashMap<>();
    claims
        .getClaims()
        .forEach(
            (name, value) -> {
              if (value instanceof Date date) {
                flat.put(name, Long.toString(date.toInstant().getEpochSecond()));
              } else if (value instanceof List<?> list) {
                flat.put(
                    name,
                    "[" + String.join(" ", list.stream().map(String::valueOf).toList()) + "]");
              } else if (value != null) {
                flat.put(name, String.valueOf(value));
              }
            });
    Set<String> scopes = new LinkedHashSet<>();
    Object scope = claims.getClaim("scope");
    if (scope instanceof String text) {
      Arrays.stream(text.split("\\s+")).filter(s -> !s.isBlank()).forEach(scopes::add);
    }
    Object scp = claims.getClaim("scp");
    if (scp instanceof String text) {
      Arrays.stream(text.split("\\s+")).filter(s -> !s.isBlank()).forEach(scopes::add);
    } else if (scp instanceof List<?> list) {
      list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(scopes::add);
    }
    Instant expires = claims.getExpirationTime().toInstant();
    return new TokenCheck.Valid(flat, scopes, expires);
  }
}
