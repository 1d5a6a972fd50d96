package dev.fleetcheck.core.report;

/**
 * Escapes text from repositories so that it shows literally in Markdown (GitHub flavour): no
 * heading, list, link, image, autolink, HTML, entity, emphasis, table cell or mention can come out
 * of a repository name or a message.
 */
public final class MarkdownText {

  private MarkdownText() {}

  /**
   * Backslash-escapes every ASCII punctuation character (CommonMark lets each of them be escaped,
   * and any of them can start markup somewhere), turns newlines into spaces and shows other control
   * characters as {@link Printable} escapes.
   */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        out.append(' ');
      } else if (isAsciiPunctuation(c)) {
        out.append('\\').append(c);
      } else if (Printable.isUnsafe(c)) {
        // The escape's own backslash is escaped so it shows as typed.
        out.append('\\').append(Printable.escape(String.valueOf(c)));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** A code span that holds any text, backticks included; control characters shown escaped. */
  public static String code(String text) {
    String flat = Printable.escape(text.replace('\n', ' ').replace('\r', ' '));
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

  private static boolean isAsciiPunctuation(char c) {
    return (c >= '!' && c <= '/')
        || (c >= ':' && c <= '@')
        || (c >= '[' && c <= '`')
        || (c >= '{' && c <= '~');
  }
}
