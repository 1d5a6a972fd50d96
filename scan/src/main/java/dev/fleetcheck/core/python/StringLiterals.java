package dev.fleetcheck.core.python;

/** The value of one string literal token, escapes processed as Python does for plain strings. */
public final class StringLiterals {

  private StringLiterals() {}

  /** Whether the literal is an f-string or t-string, whose value is not a constant. */
  static boolean formatted(CharSequence token) {
    for (int p = 0; p < token.length(); p++) {
      char c = token.charAt(p);
      if (c == '"' || c == '\'') {
        return false;
      }
      if (c == 'f' || c == 'F' || c == 't' || c == 'T') {
        return true;
      }
    }
    return false;
  }

  /** Index of the opening quote (after any prefix). */
  static int quoteIndex(CharSequence token) {
    for (int p = 0; p < token.length(); p++) {
      char c = token.charAt(p);
      if (c == '"' || c == '\'') {
        return p;
      }
    }
    return token.length();
  }

  /** The literal's value; null for f-strings, t-strings and malformed tokens. */
  public static String value(String token) {
    int quote = quoteIndex(token);
    if (quote >= token.length() || formatted(token)) {
      return null;
    }
    boolean raw = false;
    for (int p = 0; p < quote; p++) {
      raw |= token.charAt(p) == 'r' || token.charAt(p) == 'R';
    }
    char q = token.charAt(quote);
    boolean triple =
        token.length() >= quote + 6
            && token.charAt(quote + 1) == q
            && token.charAt(quote + 2) == q
            && token.endsWith(String.valueOf(q).repeat(3));
    int open = quote + (triple ? 3 : 1);
    int close = token.length() - (triple ? 3 : 1);
    if (close < open) {
      return null;
    }
    if (raw || token.indexOf('\\', open) < 0) {
      return token.substring(open, close);
    }
    return unescape(token, open, close);
  }

  private static String unescape(String s, int from, int to) {
    StringBuilder out = new StringBuilder(to - from);
    int p = from;
    while (p < to) {
      char c = s.charAt(p);
      if (c != '\\' || p + 1 >= to) {
        out.append(c);
        p++;
        continue;
      }
      char e = s.charAt(p + 1);
      p += 2;
      switch (e) {
        case '\n' -> {}
        case '\r' -> {
          if (p < to && s.charAt(p) == '\n') {
            p++;
          }
        }
        case '\\', '\'', '"' -> out.append(e);
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'a' -> out.append('\u0007');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'v' -> out.append('\u000b');
        case 'x' -> p = hex(s, p, to, 2, out);
        case 'u' -> p = hex(s, p, to, 4, out);
        case 'U' -> p = hex(s, p, to, 8, out);
        default -> {
          if (e >= '0' && e <= '7') {
            int value = e - '0';
            int digits = 1;
            while (digits < 3 && p < to && s.charAt(p) >= '0' && s.charAt(p) <= '7') {
              value = value * 8 + (s.charAt(p++) - '0');
              digits++;
            }
            out.append((char) value);
          } else {
            out.append('\\').append(e);
          }
        }
      }
    }
    return out.toString();
  }

  private static int hex(String s, int from, int to, int digits, StringBuilder out) {
    if (from + digits > to) {
      out.append('\\').append(s, from - 1, to);
      return to;
    }
    int value = 0;
    for (int p = from; p < from + digits; p++) {
      int digit = Character.digit(s.charAt(p), 16);
      if (digit < 0) {
        out.append('\\').append(s.charAt(from - 1));
        return from;
      }
      value = value * 16 + digit;
    }
    if (Character.isValidCodePoint(value)) {
      out.appendCodePoint(value);
    }
    return from + digits;
  }
}
