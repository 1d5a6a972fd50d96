package dev.fleetcheck.serve;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The credential a request presents, and whether the server may use it. An {@code Authorization}
 * header always wins. The session cookie ({@link LoginPage}) counts only where a browser sends it
 * for reading the fleet page: GET and HEAD of {@code /fleet} paths, and POSTs of {@code /fleet/}
 * forms that come from this same origin (a cross-site form post is a forgery).
 */
sealed interface Credential {

  /** No credential: public routes answer, the others refuse with 401. */
  record None() implements Credential {}

  /** A token to validate, from the {@code Authorization: Bearer} header or the session cookie. */
  record Token(String value, boolean fromCookie) implements Credential {}

  /** The session cookie on a POST that does not show it comes from this origin. */
  record CrossSite() implements Credential {}

  static Credential of(String method, String path, Map<String, String> headers, String cookieName) {
    String authorization = headers.get("authorization");
    if (authorization != null) {
      return new Token(bearer(authorization).orElse(""), false);
    }
    Optional<String> cookie = Cookies.value(headers.get("cookie"), cookieName);
    if (cookie.isEmpty() || !isFleetPath(path)) {
      return new None();
    }
    if (method.equals("GET") || method.equals("HEAD")) {
      return new Token(cookie.get(), true);
    }
    if (method.equals("POST") && path.startsWith("/fleet/")) {
      return sameOrigin(headers) ? new Token(cookie.get(), true) : new CrossSite();
    }
    return new None();
  }

  static boolean isFleetPath(String path) {
    return path.equals("/fleet") || path.startsWith("/fleet/");
  }

  /**
   * Whether the browser says the request comes from a page of this server: {@code Sec-Fetch-Site:
   * same-origin}, or, from a browser that does not send it, an {@code Origin} equal to this
   * server's. Neither header: not shown, so refused.
   */
  static boolean sameOrigin(Map<String, String> headers) {
    String site = headers.get("sec-fetch-site");
    if (site != null) {
      return site.strip().equalsIgnoreCase("same-origin");
    }
    String origin = headers.get("origin");
    String host = headers.get("host");
    return origin != null
        && host != null
        && origin
            .strip()
            .toLowerCase(Locale.ROOT)
            .equals("http://" + host.strip().toLowerCase(Locale.ROOT));
  }

  private static Optional<String> bearer(String authorization) {
    String value = authorization.strip();
    if (value.length() > 7 && value.substring(0, 7).equalsIgnoreCase("bearer ")) {
      return Optional.of(value.substring(7).strip());
    }
    return Optional.empty();
  }
}
