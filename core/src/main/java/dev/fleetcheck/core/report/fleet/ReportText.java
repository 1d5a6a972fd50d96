package dev.fleetcheck.core.report.fleet;

import java.util.Locale;

/** Escaping and number formatting shared by the fleet renderers and the live fleet page. */
public final class ReportText {

  private ReportText() {}

  /**
   * Text safe in element content and in quoted attribute values. Besides the five markup characters
   * it escapes '/' (so no "://" or "</" ever appears from data) and replaces control characters,
   * which have no business in a one-line message.
   */
  public static String html(String value) {
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        case '/' -> out.append("&#47;");
        default -> {
          if (Character.isISOControl(c)) {
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** The value cut to at most {@code max} characters plus an ellipsis, never inside a pair. */
  public static String clip(String value, int max) {
    if (value.length() <= max) {
      return value;
    }
    int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
    return value.substring(0, end) + "\u2026";
  }

  /** One decimal, with a dot whatever the default locale. */
  public static String decimal(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
