package dev.fleetcheck.core.secrets;

import java.util.List;
import java.util.function.Predicate;

/**
 * The shape shared by most vendor tokens: a literal prefix, then a run of allowed characters whose
 * length lies within bounds, with no letter or digit glued to either end (so a prefix met inside a
 * longer base64 blob or identifier is not a token). Prefixes are found through {@link
 * ScanText#find}.
 */
final class PrefixedToken {

  private final List<String> prefixes;
  private final boolean[] bodyCharacters;
  private final int minBody;
  private final int maxBody;
  private final Predicate<String> bodyCheck;

  /**
   * @param bodyCharacters allowed body characters as ranges and singles, e.g. {@code "A-Z0-9_"}
   * @param bodyCheck a further test on the body (for instance "holds a digit")
   */
  PrefixedToken(
      List<String> prefixes,
      String bodyCharacters,
      int minBody,
      int maxBody,
      Predicate<String> bodyCheck) {
    this.prefixes = List.copyOf(prefixes);
    this.bodyCharacters = characterSet(bodyCharacters);
    this.minBody = minBody;
    this.maxBody = maxBody;
    this.bodyCheck = bodyCheck;
  }

  PrefixedToken(List<String> prefixes, String bodyCharacters, int minBody, int maxBody) {
    this(prefixes, bodyCharacters, minBody, maxBody, body -> true);
  }

  /** The literals a token starts with: its detector's anchors. */
  List<String> prefixes() {
    return prefixes;
  }

  void find(ScanText text, String kind, List<SecretMatch> matches) {
    String content = text.text();
    for (String prefix : prefixes) {
      for (int at = text.find(prefix, 0); at >= 0; at = text.find(prefix, at + 1)) {
        if (at > 0 && isLetterOrDigit(content.charAt(at - 1))) {
          continue;
        }
        int bodyStart = at + prefix.length();
        int end = bodyStart;
        int limit = Math.min(content.length(), bodyStart + maxBody + 1);
        while (end < limit && inBody(content.charAt(end))) {
          end++;
        }
        int bodyLength = end - bodyStart;
        if (bodyLength < minBody || bodyLength > maxBody) {
          continue;
        }
        if (end < content.length() && isLetterOrDigit(content.charAt(end))) {
          continue;
        }
        String body = content.substring(bodyStart, end);
        String token = prefix + body;
        if (Placeholders.isPlaceholder(token)
            || Placeholders.isOneRepeatedCharacter(body)
            || !bodyCheck.test(body)) {
          continue;
        }
        matches.add(new SecretMatch(kind, at, end, Fingerprint.of(token)));
      }
    }
  }

  private boolean inBody(char c) {
    return c < 128 && bodyCharacters[c];
  }

  private static boolean isLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static boolean[] characterSet(String spec) {
    boolean[] set = new boolean[128];
    for (int i = 0; i < spec.length(); i++) {
      char from = spec.charAt(i);
      if (i + 2 < spec.length() && spec.charAt(i + 1) == '-') {
        char to = spec.charAt(i + 2);
        for (char c = from; c <= to; c++) {
          set[c] = true;
        }
        i += 2;
      } else {
        set[from] = true;
      }
    }
    return set;
  }
}
