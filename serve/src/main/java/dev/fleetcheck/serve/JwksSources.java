package dev.fleetcheck.serve;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Locale;

/**
 * Where the keys that sign accepted tokens come from: a JWKS file (read once), a JWKS URL (fetched
 * with bounded timeouts and cached, refreshed on an unknown key ID), or the public half of the
 * local development key.
 */
final class JwksSources {

  private static final int TIMEOUT_MILLIS = 5_000;
  private static final int MAX_JWKS_BYTES = 256 * 1024;

  private JwksSources() {}

  /**
   * @param location an {@code http(s)://} URL or a file path (relative to {@code workingDirectory})
   */
  static JWKSource<SecurityContext> of(String location, Path workingDirectory) {
    String lower = location.toLowerCase(Locale.ROOT);
    if (lower.startsWith("https://") || lower.startsWith("http://")) {
      try {
        return JWKSourceBuilder.create(
                URI.create(location).toURL(),
                new DefaultResourceRetriever(TIMEOUT_MILLIS, TIMEOUT_MILLIS, MAX_JWKS_BYTES))
            .retrying(false)
            .build();
      } catch (MalformedURLException | IllegalArgumentException e) {
        throw invalid("the JWKS URL is not valid");
      }
    }
    Path file = workingDirectory.resolve(location);
    try {
      if (Files.size(file) > MAX_JWKS_BYTES) {
        throw invalid("the JWKS file " + file + " is larger than " + MAX_JWKS_BYTES + " bytes");
      }
      return of(JWKSet.parse(Files.readString(file)));
    } catch (IOException e) {
      throw invalid("cannot read the JWKS file " + file);
    } catch (ParseException e) {
      throw invalid("the JWKS file " + file + " is not a JSON Web Key Set");
    }
  }

  /** Only the public keys of {@code keys}: a private half never verifies anything here. */
  static JWKSource<SecurityContext> of(JWKSet keys) {
    return new ImmutableJWKSet<>(keys.toPublicJWKSet());
  }

  private static FleetcheckException invalid(String message) {
    return new FleetcheckException(ErrorCode.INVALID_CONFIG, message);
  }
}
