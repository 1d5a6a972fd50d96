package dev.fleetcheck.core.facts;

import java.util.regex.Pattern;

/**
 * A path glob as uv workspaces and .dockerignore write them: {@code *} and {@code ?} stay within
 * one path segment, {@code **} crosses segments, {@code [...]} is a character class.
 */
public final class Glob {

  private final Pattern pattern;

  private Glob(Pattern pattern) {
    this.pattern = pattern;
  }

  public static Glob of(String glob) {
    String normalised = glob.strip();
    while (normalised.startsWith("./")) {
      normalised = normalised.substring(2);
    }
    while (normalised.startsWith("/")) {
      normalised = normalised.substring(1);
    }
    while (normalised.endsWith("/") && normalised.length() > 1) {
      normalised = normalised.substring(0, normalised.length() - 1);
    }
    return new Glob(Pattern.compile(toRegex(normalised)));
  }

  /** Whether the repository-relative path (no leading slash) matches the whole glob. */
  public boolean matches(String path) {
    return pattern.matcher(path).matches();
  }

  private static String toRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    int i = 0;
    while (i < glob.length()) {
      char c = glob.charAt(i);
      if (c == '*') {
        if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
          boolean slashAfter = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
          regex.append(slashAfter ? "(?:.*/)?" : ".*");
          i += slashAfter ? 3 : 2;
          continue;
        }
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else if (c == '[') {
        int close = glob.indexOf(']', i + 1);
        if (close < 0) {
          regex.append("\\[");
        } else {
          String body = glob.substring(i + 1, close).replace("\\", "\\\\");
          if (body.startsWith("!")) {
            body = "^" + body.substring(1);
          }
          regex.append('[').append(body).append(']');
          i = close;
        }
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
      i++;
    }
    return regex.toString();
  }
}
