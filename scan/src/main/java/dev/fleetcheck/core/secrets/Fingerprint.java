package dev.fleetcheck.core.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short, stable name for a secret value that does not reveal it: its first four characters, an
 * ellipsis, and the first 8 hex digits of its SHA-256 ({@code AKIA…#1a2b3c4d}). Two findings of the
 * same value share a fingerprint, so a report can say "the same key in three files".
 */
public final class Fingerprint {

  static final int SHOWN_CHARACTERS = 4;
  private static final int HASH_HEX_DIGITS = 8;

  private Fingerprint() {}

  public static String of(String value) {
    String shown =
        value.length() <= SHOWN_CHARACTERS * 2
            ? value.substring(0, Math.min(2, value.length()))
            : value.substring(0, SHOWN_CHARACTERS);
    return shown + "…#" + sha256Hex(value).substring(0, HASH_HEX_DIGITS);
  }

  private static String sha256Hex(String value) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
