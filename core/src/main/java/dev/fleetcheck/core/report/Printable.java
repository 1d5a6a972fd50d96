package dev.fleetcheck.core.report;

/**
 * Text from a repository or an argument made safe for a terminal line: control characters (escape
 * sequences that recolour, move the cursor or retitle the window, carriage returns that overwrite a
 * line, newlines that forge one) and the invisible characters that reorder or hide text (bidi
 * overrides, zero-width spaces) are shown as escapes ({@code \x1b}, {@code \n}, {@code \u202e}).
 * Everything else, other languages included, is kept.
 */
public final class Printable {

  private Printable() {}

  public static String escape(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isUnsafe(c)) {
        if (out == null) {
          out = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        appendEscape(out, c);
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  static boolean isUnsafe(char c) {
    return Character.isISOControl(c)
        || (c >= '\u200b' && c <= '\u200f')
        || (c >= '\u2028' && c <= '\u202e')
        || (c >= '\u2060' && c <= '\u2069')
        || c == '\ufeff';
  }

  private static void appendEscape(StringBuilder out, char c) {
    switch (c) {
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      default ->
          out.append(
              c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
    }
  }
}
