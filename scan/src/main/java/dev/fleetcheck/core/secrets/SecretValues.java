package dev.fleetcheck.core.secrets;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a literal given to a secret-like name looks like a credential: long enough, random
 * enough, and none of the look-alikes repositories are full of (placeholders, UUIDs, integrity
 * hashes, data URIs, paths, URLs, identifiers and words).
 */
final class SecretValues {

  static final int MIN_LENGTH = 12;
  static final int MAX_LENGTH = 512;

  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final List<String> AUTH_SCHEMES = List.of("bearer ", "basic ", "token ");
  private static final List<String> NOT_SECRET_PREFIXES =
      List.of(
          "sha1-", "sha256-", "sha384-", "sha512-", "sha1:", "sha256:", "sha512:", "md5:", "data:",
          "/", "./", "../", "~/");
  private static final String SEPARATORS = "_-./:@+";

  private SecretValues() {}

  /** The credential inside a value: an {@code Authorization} header value loses its scheme. */
  static String credentialPart(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    for (String scheme : AUTH_SCHEMES) {
      if (lower.startsWith(scheme)) {
        return value.substring(scheme.length()).strip();
      }
    }
    return value;
  }

  /**
   * Whether a value given to a secret-like name may be the credential itself, for redaction: a
   * false alarm only hides a harmless word there, so the bar is lower than {@link
   * #looksLikeSecret}. References, placeholders, flags and plain words or host names are kept;
   * anything else ({@code hunter2}, {@code s3cr3t!}) is hidden.
   */
  static boolean mayBeSecret(String value) {
    return !value.isEmpty()
        && value.length() <= MAX_LENGTH
        && value.charAt(0) != '-'
        && !startsReference(value)
        && !Redactor.isMarker(value)
        && !Placeholders.isPlaceholder(value)
        && !isWordLike(value);
  }

  /**
   * {@code ${{ secrets.X }}}, {@code $(cat f)}, {@code {{ vault_pw }}}: a bare value stops at the
   * first blank, so a reference may be cut to its opening.
   */
  private static boolean startsReference(String value) {
    return value.charAt(0) == '$' || value.startsWith("{{") || value.startsWith("%");
  }

  static boolean looksLikeSecret(String value) {
    if (value.length() < MIN_LENGTH || value.length() > MAX_LENGTH || hasWhitespace(value)) {
      return false;
    }
    if (Placeholders.isPlaceholder(value) || UUID.matcher(value).matches()) {
      return false;
    }
    String lower = value.toLowerCase(Locale.ROOT);
    if (NOT_SECRET_PREFIXES.stream().anyMatch(lower::startsWith) || lower.contains("://")) {
      return false;
    }
    if (isWordLike(value) || Entropy.characterClasses(value) < 2) {
      return false;
    }
    return Entropy.shannon(value) >= entropyThreshold(value);
  }

  /**
   * Random strings reach close to the maximum entropy their length allows; hex has at most 4 bits
   * per character, so it gets a lower bar.
   */
  static double entropyThreshold(String value) {
    double lengthBound = Math.log(value.length()) / Math.log(2);
    return isHex(value) ? Math.min(3.0, 0.8 * lengthBound) : Math.min(3.5, 0.85 * lengthBound);
  }

  /**
   * Words, identifiers, file names and dates: every separator-delimited segment is letters, digits,
   * or a word followed by digits ({@code auth_token_v2}, {@code client_secret.json}, {@code
   * 2024-01-01}, {@code letmein2024}), and the letters are not a random mix of cases ({@code
   * ApplicationTokenStorage}, {@code Password12345}). A letter after a digit is random-looking.
   */
  static boolean isWordLike(String value) {
    boolean separated = false;
    boolean mixedSegment = false;
    boolean digits = false;
    int upper = 0;
    int lower = 0;
    for (int i = 0; i <= value.length(); i++) {
      char c = i < value.length() ? value.charAt(i) : '_';
      if (SEPARATORS.indexOf(c) >= 0) {
        separated |= i < value.length();
        digits = false;
      } else if (Character.isDigit(c)) {
        digits = true;
      } else if (Character.isLetter(c)) {
        mixedSegment |= digits;
        upper += Character.isUpperCase(c) ? 1 : 0;
        lower += Character.isLowerCase(c) ? 1 : 0;
      } else {
        return false;
      }
    }
    if (mixedSegment) {
      return false;
    }
    if (separated || upper + lower == 0) {
      return true;
    }
    int lettersTotal = upper + lower;
    return Math.min(upper, lower) * 4 < lettersTotal;
  }

  private static boolean isHex(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = Character.toLowerCase(value.charAt(i));
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasWhitespace(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isWhitespace(value.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
