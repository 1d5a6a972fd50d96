package dev.fleetcheck.embedded;

import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.port.ReportKeys;
import dev.fleetcheck.core.port.ReportLinks;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Download links of the embedded default, the local stand-in for presigned S3 URLs: {@code
 * <base>downloads/<key>?expires=<epoch seconds>&signature=<HMAC-SHA256 of key and expiry>} under a
 * key only the serving process holds. The server that serves the links ({@code fleetcheck serve})
 * checks each with {@link #check} before reading the report folder.
 */
public final class SignedLocalLinks implements ReportLinks {

  private static final String ALGORITHM = "HmacSHA256";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private final URI base;
  private final SecretKeySpec key;
  private final Clock clock;

  /**
   * @param base where the server listens, ending in '/' (for example {@code
   *     http://127.0.0.1:8080/})
   * @param key at least 32 random bytes
   */
  public SignedLocalLinks(URI base, byte[] key, Clock clock) {
    if (key.length < 32) {
      throw new IllegalArgumentException("a link key has at least 32 bytes");
    }
    if (!base.toString().endsWith("/")) {
      throw new IllegalArgumentException("the base URI ends in '/'");
    }
    this.base = base;
    this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    this.clock = clock;
  }

  @Override
  public URI downloadLink(String reportKey, Duration validFor) {
    String checked = ReportKeys.requireValid(reportKey);
    ReportLinks.requireValidity(validFor);
    long expires = clock.instant().plus(validFor).getEpochSecond();
    return base.resolve(
        "downloads/" + checked + "?expires=" + expires + "&signature=" + sign(checked, expires));
  }

  /** What a presented link's parts amount to. */
  public enum Check {
    /** Signed here for that key and not expired. */
    VALID,
    /** Signed here for that key, but its expiry has passed. */
    EXPIRED,
    /** Not signed here for that key and expiry (tampered, foreign or malformed). */
    INVALID
  }

  /** Whether a link's parts were signed here for that key and have not expired. */
  public boolean verify(String reportKey, String expires, String signature) {
    return check(reportKey, expires, signature) == Check.VALID;
  }

  /**
   * The signature is checked before the expiry, so only a link signed here can be told apart as
   * expired.
   */
  public Check check(String reportKey, String expires, String signature) {
    if (reportKey == null || expires == null || signature == null) {
      return Check.INVALID;
    }
    long at;
    try {
      ReportKeys.requireValid(reportKey);
      at = Long.parseLong(expires);
    } catch (FleetcheckException | NumberFormatException e) {
      return Check.INVALID;
    }
    if (!MessageDigest.isEqual(
        sign(reportKey, at).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.UTF_8))) {
      return Check.INVALID;
    }
    return at > clock.instant().getEpochSecond() ? Check.VALID : Check.EXPIRED;
  }

  private String sign(String reportKey, long expires) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return ENCODER.encodeToString(
          mac.doFinal((reportKey + "\n" + expires).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is always available", e);
    }
  }
}
