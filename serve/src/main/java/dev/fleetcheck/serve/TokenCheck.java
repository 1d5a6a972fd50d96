package dev.fleetcheck.serve;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** What the server concluded about a presented token. Neither outcome holds the token itself. */
sealed interface TokenCheck {

  /**
   * A token whose signature, algorithm, issuer, audience and validity window all checked out.
   *
   * @param claims the claims as API Gateway's JWT authorizer hands them on (strings)
   * @param scopes from {@code scope} (space separated) or {@code scp}
   */
  record Valid(Map<String, String> claims, Set<String> scopes, Instant expiresAt)
      implements TokenCheck {
    public Valid {
      claims = Map.copyOf(claims);
      scopes = Set.copyOf(scopes);
    }
  }

  /**
   * A token refused; {@code reason} is one of a fixed set of phrases (never text from the token).
   */
  record Invalid(String reason) implements TokenCheck {}
}
