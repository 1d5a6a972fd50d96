package dev.fleetcheck.serve;

import dev.fleetcheck.core.report.fleet.ReportText;
import java.time.Duration;

/**
 * {@code GET /login}: a plain form (no script, a strict CSP) where a person pastes a token; {@code
 * POST /login} turns a valid one into the session cookie the fleet page's GETs carry; {@code POST
 * /logout} clears it.
 */
final class LoginPage {

  static final String COOKIE = "fleetcheck_session";

  /** Nothing loads, nothing frames the page; the form posts back here only. */
  static final String CSP =
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none';"
          + " base-uri 'none'";

  private LoginPage() {}

  /** The form, with {@code problem} (a fixed phrase, or empty) above it. */
  static String page(String problem) {
    String notice =
        problem.isEmpty()
            ? ""
            : "<p role=\"alert\" class=\"problem\">The token was refused: "
                + ReportText.html(problem)
                + ".</p>\n";
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        + "<title>Fleetcheck: sign in</title>\n"
        + "<style>body{font-family:sans-serif;max-width:40rem;margin:2rem auto}"
        + "textarea{width:100%}.problem{color:#a00}</style></head>\n<body>\n"
        + "<h1>Sign in to the fleet page</h1>\n"
        + notice
        + "<form method=\"post\" action=\"/login\">\n"
        + "<label for=\"token\">Bearer token (for example from <code>fleetcheck token --scopes"
        + " scans:read,exports:create</code>)</label><br>\n"
        + "<textarea id=\"token\" name=\"token\" rows=\"6\" autocomplete=\"off\" required>"
        + "</textarea><br>\n"
        + "<button type=\"submit\">Sign in</button>\n</form>\n"
        + "<form method=\"post\" action=\"/logout\"><button type=\"submit\">Sign out</button></form>\n"
        + "</body></html>\n";
  }

  /** The session cookie for a token valid {@code maxAge} more (HttpOnly, SameSite=Strict). */
  static String sessionCookie(String token, Duration maxAge) {
    return COOKIE
        + "="
        + token
        + "; HttpOnly; SameSite=Strict; Path=/; Max-Age="
        + Math.max(0, maxAge.toSeconds());
  }

  static String clearedCookie() {
    return COOKIE + "=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0";
  }
}
