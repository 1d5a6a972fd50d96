package dev.fleetcheck.core.secrets;

import java.util.ArrayList;
import java.util.List;

/**
 * Hides every credential in a string quoted from a repository (a CI command, a recipe, a message)
 * behind its kind and fingerprint, as PY-SEC-041 names it: {@code GH_TOKEN=ghp_... ruff check .}
 * becomes {@code GH_TOKEN=[redacted github_token ghp_…#1a2b3c4d] ruff check .}. It runs the
 * scanner's detectors first, so a value PY-SEC-041 reports gets the same fingerprint here, then
 * redaction-only detectors that also catch what is too weak or too plain to report (a short
 * password after {@code --password}, any URL password, secret query parameters).
 */
public final class Redactor {

  private static final String SOURCE = "evidence";
  private static final String MARKER_START = "[redacted";
  private static final Redactor STANDARD = new Redactor(withRedactionDetectors());

  private final SecretScanner scanner;

  private Redactor(SecretScanner scanner) {
    this.scanner = scanner;
  }

  /** The scanner's detectors and the redaction-only ones. */
  public static Redactor standard() {
    return STANDARD;
  }

  /** {@code text} with every credential replaced; the same instance when there is none. */
  public String redact(String text) {
    if (text.isEmpty()) {
      return text;
    }
    List<SecretMatch> matches = scanner.matches(scanner.textOf(SOURCE, text));
    if (matches.isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    for (SecretMatch match : matches) {
      out.append(text, copied, match.start()).append(marker(match));
      copied = match.end();
    }
    return out.append(text, copied, text.length()).toString();
  }

  static String marker(SecretMatch match) {
    return MARKER_START + " " + match.kind() + " " + match.fingerprint() + "]";
  }

  /** Whether a value is a redaction already: redacting twice changes nothing more. */
  static boolean isMarker(String value) {
    return value.startsWith(MARKER_START);
  }

  private static SecretScanner withRedactionDetectors() {
    List<SecretDetector> detectors = new ArrayList<>(SecretScanner.standard().detectors());
    detectors.add(new UrlCredentialDetector());
    detectors.add(new SecretArgumentDetector());
    return new SecretScanner(detectors);
  }
}
