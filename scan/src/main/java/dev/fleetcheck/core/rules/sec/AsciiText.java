package dev.fleetcheck.core.rules.sec;

/**
 * Text searches for the cheap pre-filters of the checks: the same answer as searching the
 * lower-cased text for a lower-case ASCII needle, without copying the text.
 */
final class AsciiText {

  private AsciiText() {}

  /**
   * Whether {@code text} holds {@code needle} with its letters in any case. {@code needle} must be
   * lower-case ASCII without an 'i' or a 'k' (the only ASCII letters a non-ASCII character
   * lower-cases to: U+0130 and U+212A), so that the answer equals {@code
   * text.toLowerCase(Locale.ROOT).contains(needle)}.
   */
  static boolean containsIgnoreCase(String text, String needle) {
    int n = needle.length();
    char first = needle.charAt(0);
    char firstUpper = upper(first);
    int last = text.length() - n;
    for (int i = 0; i <= last; i++) {
      char c = text.charAt(i);
      if ((c == first || c == firstUpper) && matchesAt(text, i, needle)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesAt(String text, int at, String needle) {
    for (int j = 1; j < needle.length(); j++) {
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
