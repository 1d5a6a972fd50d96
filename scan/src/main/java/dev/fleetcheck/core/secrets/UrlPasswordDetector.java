package dev.fleetcheck.core.secrets;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * URLs that carry a password in their user info ({@code scheme://user:pass@host}). The password is
 * the secret; a reference ({@code ${DB_PASSWORD}}, {@code {password}}), a placeholder anywhere in
 * the URL ({@code example.com}), a password equal to the user name, or a service's well-known
 * default ({@code postgres:postgres}, {@code guest:guest}) is not a finding: those are local
 * development wiring, not leaked credentials.
 */
public final class UrlPasswordDetector implements SecretDetector {

  private static final String SEPARATOR = "://";
  private static final int MAX_SCHEME_LENGTH = 32;
  private static final int MAX_AUTHORITY_LENGTH = 512;
  private static final Set<String> WELL_KNOWN_DEFAULTS =
      Set.of(
          "password",
          "pass",
          "passwd",
          "secret",
          "test",
          "guest",
          "postgres",
          "root",
          "admin",
          "user",
          "mysql",
          "redis",
          "minio123",
          "minioadmin");

  @Override
  public String kind() {
    return "url_password";
  }

  @Override
  public List<String> anchors() {
    return List.of(SEPARATOR);
  }

  @Override
  public void detect(ScanText text, List<SecretMatch> matches) {
    String content = text.text();
    for (int at = text.find(SEPARATOR, 0); at >= 0; at = text.find(SEPARATOR, at + 1)) {
      detectAt(content, at, matches);
    }
  }

  private void detectAt(String content, int separator, List<SecretMatch> matches) {
    int schemeStart = separator;
    while (schemeStart > 0
        && separator - schemeStart < MAX_SCHEME_LENGTH
        && isSchemeCharacter(content.charAt(schemeStart - 1))) {
      schemeStart--;
    }
    if (separator - schemeStart < 2 || !Character.isLetter(content.charAt(schemeStart))) {
      return;
    }
    int authorityStart = separator + SEPARATOR.length();
    int authorityEnd = authorityStart;
    int limit = Math.min(content.length(), authorityStart + MAX_AUTHORITY_LENGTH);
    while (authorityEnd < limit && !endsAuthority(content.charAt(authorityEnd))) {
      authorityEnd++;
    }
    // Both searches stay inside the authority: a file of URLs without user info must not cost a
    // scan back to its start per URL.
    int at = lastIndexOf(content, '@', authorityStart, authorityEnd);
    if (at < 0) {
      return;
    }
    int colon = firstIndexOf(content, ':', authorityStart, at);
    if (colon < 0) {
      return;
    }
    String user = content.substring(authorityStart, colon);
    String password = content.substring(colon + 1, at);
    String host = content.substring(at + 1, authorityEnd);
    if (password.isEmpty() || host.isEmpty() || !isHostStart(host.charAt(0))) {
      return;
    }
    String url = content.substring(schemeStart, authorityEnd);
    if (Placeholders.isPlaceholder(password)
        || Placeholders.isPlaceholder(url)
        || password.equals(user)
        || WELL_KNOWN_DEFAULTS.contains(password.toLowerCase(Locale.ROOT))) {
      return;
    }
    matches.add(new SecretMatch(kind(), colon + 1, at, Fingerprint.of(password)));
  }

  /** The last {@code c} in {@code [from, to)}, or -1. */
  private static int lastIndexOf(String content, char c, int from, int to) {
    for (int i = to - 1; i >= from; i--) {
      if (content.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  /** The first {@code c} in {@code [from, to)}, or -1. */
  private static int firstIndexOf(String content, char c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (content.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isSchemeCharacter(char c) {
    return Character.isLetterOrDigit(c) || c == '+' || c == '.' || c == '-';
  }

  private static boolean endsAuthority(char c) {
    return c == '/'
        || c == '?'
        || c == '#'
        || c == '"'
        || c == '\''
        || c == '`'
        || c == '\\'
        || c == ','
        || c == ')'
        || c == ']'
        || Character.isWhitespace(c);
  }

  private static boolean isHostStart(char c) {
    return Character.isLetterOrDigit(c) || c == '[';
  }
}
