package dev.fleetcheck.core.error;

import java.util.regex.Pattern;

/**
 * A failure's cause told in one line that is safe to log, store and show: the exception's simple
 * class name and the first line of its message, with anything shaped like a credential removed.
 */
public final class Causes {

  private static final int MAX_LENGTH = 300;
  private static final Pattern URL_CREDENTIALS =
      Pattern.compile("(?i)([a-z][a-z0-9+.-]*://)[^/@\\s]+@");
  private static final Pattern TOKENS =
      Pattern.compile(
          "(?i)\\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|(?:AKIA|ASIA)[A-Z0-9]{16}"
              + "|xox[abpr]-[A-Za-z0-9-]{10,}|eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]*)");
  private static final Pattern SECRET_ASSIGNMENT =
      Pattern.compile(
          "(?i)((?:token|password|passwd|secret|authorization|api[_-]?key)\\s*[=:]\\s*)\\S+");

  private Causes() {}

  /** "SimpleName: first line of the message" (or the name alone), redacted and bounded. */
  public static String describe(Throwable failure) {
    String name = failure.getClass().getSimpleName();
    String message = failure.getMessage();
    if (message == null || message.isBlank()) {
      Throwable cause = failure.getCause();
      return cause == null || cause == failure ? name : name + " <- " + describe(cause);
    }
    return bounded(name + ": " + redact(firstLine(message)));
  }

  /** {@code text} with URL credentials, known token shapes and "token=..." values replaced. */
  public static String redact(String text) {
    String out = URL_CREDENTIALS.matcher(text).replaceAll("$1***@");
    out = TOKENS.matcher(out).replaceAll("***");
    return SECRET_ASSIGNMENT.matcher(out).replaceAll("$1***");
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static String bounded(String text) {
    return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH) + "...";
  }
}
