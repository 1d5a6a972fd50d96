package dev.fleetcheck.core.report;

/** Escapes text from repositories so that it shows literally in Markdown (GitHub flavour). */
final class MarkdownText {

  private static final String SPECIAL = "\\`*_[]<>|~";
  private static final String SPECIAL_AT_START = "#-+=>";

  private MarkdownText() {}

  /** Backslash-escapes every character Markdown could read as markup; newlines become spaces. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        out.append(' ');
      } else if (SPECIAL.indexOf(c) >= 0 || (i == 0 && SPECIAL_AT_START.indexOf(c) >= 0)) {
        out.append('\\').append(c);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** A code span that holds any text, backticks included. */
  static String code(String text) {
    String flat = text.replace('\n', ' ').replace('\r', ' ');
    int longest = 0;
    int run = 0;
    for (int i = 0; i < flat.length(); i++) {
      run = flat.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    String pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
    return fence + pad + flat + pad + fence;
  }
}
