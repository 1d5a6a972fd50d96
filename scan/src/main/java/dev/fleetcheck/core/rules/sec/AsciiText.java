package dev.fleetcheck.core.rules.sec;

/**
 * Text searches for the cheap pre-filters of the checks: the same answer as searching the
 * lower-cased text for a lower-case ASCII needle, without copying the text and jumping between
 * occurrences of the needle's rarest character ({@link String#indexOf(int, int)} is fast).
 */
final class AsciiText {

  /**
   * Letters, '_' and '-' from the most to the least frequent in Python source (counted over
   * CPython's standard library), to pick the rarest character of a needle: '_' is as frequent there
   * as 'm', so "http_x_" jumps between x's, not underscores.
   */
  private static final String CHARACTER_FREQUENCY = "etsraniolcdfpu_mhgbxy-wvkjzq";

  /** Below this length (names, keys) a plain scan beats choosing where to jump. */
  private static final int LONG_TEXT = 64;

  private AsciiText() {}

  /**
   * Whether {@code text} holds {@code needle} with its letters in any case. {@code needle} must be
   * non-empty lower-case ASCII without an 'i' or a 'k' (the only ASCII letters a non-ASCII
   * character lower-cases to: U+0130 and U+212A), so that the answer equals {@code
   * text.toLowerCase(Locale.ROOT).contains(needle)}.
   */
  static boolean containsIgnoreCase(String text, String needle) {
    if (text.length() < LONG_TEXT) {
      for (int start = 0; start + needle.length() <= text.length(); start++) {
        if (matchesAt(text, start, needle)) {
          return true;
        }
      }
      return false;
    }
    int anchor = anchor(needle);
    char lower = needle.charAt(anchor);
    char upper = upper(lower);
    int last = text.length() - needle.length() + anchor;
    int nextLower = text.indexOf(lower, anchor);
    int nextUpper = upper == lower ? -1 : text.indexOf(upper, anchor);
    while (nextLower >= 0 || nextUpper >= 0) {
      int at;
      if (nextUpper < 0 || (nextLower >= 0 && nextLower < nextUpper)) {
        at = nextLower;
        nextLower = text.indexOf(lower, at + 1);
      } else {
        at = nextUpper;
        nextUpper = text.indexOf(upper, at + 1);
      }
      if (at > last) {
        return false;
      }
      if (matchesAt(text, at - anchor, needle)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The index of the needle's character to look for first: a character not ranked (a digit, a rare
   * sign), else its rarest ranked one.
   */
  private static int anchor(String needle) {
    int best = 0;
    int bestRank = -1;
    for (int j = 0; j < needle.length(); j++) {
      int rank = CHARACTER_FREQUENCY.indexOf(needle.charAt(j));
      if (rank < 0) {
        return j;
      }
      if (rank > bestRank) {
        best = j;
        bestRank = rank;
      }
    }
    return best;
  }

  private static boolean matchesAt(String text, int at, String needle) {
    for (int j = 0; j < needle.length(); j++) {
      char c = text.charAt(at + j);
      char want = needle.charAt(j);
      if (c != want && c != upper(want)) {
        return false;
      }
    }
    return true;
  }

  private static char upper(char c) {
    return c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c;
  }
}
