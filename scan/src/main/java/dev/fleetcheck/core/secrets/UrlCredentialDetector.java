package dev.fleetcheck.core.secrets;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * For redaction only: every credential a URL can carry. The password of its user info, even a
 * service default ({@code postgres://app:hunter2@db}); user info without a password that is not a
 * plain user name ({@code https://<token>@github.com}); and the value of a secret-named query or
 * fragment parameter ({@code ?access_token=...}, {@code &X-Amz-Signature=...}, {@code
 * #id_token=...}). References ({@code ${DB_PASSWORD}}) stay.
 */
final class UrlCredentialDetector implements SecretDetector {

  private static final String SEPARATOR = "://";
  private static final int MAX_SCHEME_LENGTH = 32;
  private static final int MAX_URL_LENGTH = 4096;
  private static final Set<String> SECRET_PARAMETERS =
      Set.of(
          "key",
          "sig",
          "signature",
          "code",
          "x-amz-signature",
          "x-amz-credential",
          "x-amz-security-token",
          "x-goog-signature",
          "x-goog-credential");

  @Override
  public String kind() {
    return "url_credential";
  }

  @Override
  public void detect(ScanText text, List<SecretMatch> matches) {
    String content = text.text();
    for (int at = content.indexOf(SEPARATOR); at >= 0; at = content.indexOf(SEPARATOR, at + 1)) {
      if (hasScheme(content, at)) {
        at = detectAt(content, at + SEPARATOR.length(), matches);
      }
    }
  }

  /** Finds the credentials of the URL whose authority starts at {@code start}; returns its end. */
  private int detectAt(String content, int start, List<SecretMatch> matches) {
    int limit = Math.min(content.length(), start + MAX_URL_LENGTH);
    int end = start;
    while (end < limit && !endsUrl(content.charAt(end))) {
      end++;
    }
    int authorityEnd = start;
    while (authorityEnd < end && "/?#".indexOf(content.charAt(authorityEnd)) < 0) {
      authorityEnd++;
    }
    int at = authorityEnd - 1;
    while (at >= start && content.charAt(at) != '@') {
      at--;
    }
    if (at >= start) {
      userInfo(content, start, at, matches);
    }
    int parameters = authorityEnd;
    while (parameters < end && "?#".indexOf(content.charAt(parameters)) < 0) {
      parameters++;
    }
    if (parameters < end) {
      parameters(content, parameters + 1, end, matches);
    }
    return Math.max(start, end - 1);
  }

  private void userInfo(String content, int start, int at, List<SecretMatch> matches) {
    int colon = content.indexOf(':', start);
    if (colon >= 0 && colon < at) {
      add(content, colon + 1, at, "url_password", matches);
    } else if (!SecretValues.isWordLike(content.substring(start, at))) {
      add(content, start, at, kind(), matches);
    }
  }

  /** {@code name=value} pairs separated by {@code &} or {@code ;} in {@code [from, to)}. */
  private void parameters(String content, int from, int to, List<SecretMatch> matches) {
    int pairStart = from;
    for (int i = from; i <= to; i++) {
      if (i == to || content.charAt(i) == '&' || content.charAt(i) == ';') {
        int equals = content.indexOf('=', pairStart);
        if (equals >= 0 && equals < i && isSecretParameter(content.substring(pairStart, equals))) {
          add(content, equals + 1, i, "url_secret_parameter", matches);
        }
        pairStart = i + 1;
      }
    }
  }

  private static boolean isSecretParameter(String name) {
    return SecretNames.isSecretName(name)
        || SECRET_PARAMETERS.contains(name.toLowerCase(Locale.ROOT));
  }

  private static void add(
      String content, int start, int end, String kind, List<SecretMatch> matches) {
    String value = content.substring(start, end);
    if (!value.isEmpty() && !Placeholders.isReference(value) && !Redactor.isMarker(value)) {
      matches.add(new SecretMatch(kind, start, end, Fingerprint.of(value)));
    }
  }

  private static boolean hasScheme(String content, int separator) {
    int schemeStart = separator;
    while (schemeStart > 0
        && separator - schemeStart < MAX_SCHEME_LENGTH
        && isSchemeCharacter(content.charAt(schemeStart - 1))) {
      schemeStart--;
    }
    return separator - schemeStart >= 2 && Character.isLetter(content.charAt(schemeStart));
  }

  private static boolean isSchemeCharacter(char c) {
    return Character.isLetterOrDigit(c) || c == '+' || c == '.' || c == '-';
  }

  private static boolean endsUrl(char c) {
    return c == '"'
        || c == '\''
        || c == '`'
        || c == '\\'
        || c == ')'
        || c == ']'
        || c == '>'
        || c == '<'
        || Character.isWhitespace(c);
  }
}
