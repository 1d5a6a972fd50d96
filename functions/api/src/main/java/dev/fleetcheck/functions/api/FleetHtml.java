package dev.fleetcheck.functions.api;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.report.fleet.FleetHtmlReport;
import dev.fleetcheck.core.report.fleet.FleetPageLimits;
import dev.fleetcheck.core.report.fleet.ReportText;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The document every fleet web page is rendered into, its security headers, its error page, and the
 * escaping and URL building the pages share. The page loads nothing: no script, no font, no image,
 * no style sheet from anywhere; its one inline style element is allowed by its hash alone.
 */
final class FleetHtml {

  static final String TEXT_HTML = "text/html; charset=utf-8";

  /** The report's style sheet plus the live page's forms and pager. */
  static final String STYLE =
      FleetHtmlReport.stylesheet()
          + """
          form.filters { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: end;
                         margin: 12px 0; }
          form.filters label { display: flex; flex-direction: column; font-size: 12px;
                               color: #57606a; }
          input, select, button { font: inherit; padding: 3px 6px; }
          button { cursor: pointer; }
          nav.pager { display: flex; gap: 16px; margin: 8px 0 24px; max-width: none; padding: 0; }
          .error dt { color: #57606a; font-size: 12px; }
          .error dd { margin: 0 0 8px; }
          """;

  /** Whatever the page holds, nothing is loaded, framed, posted elsewhere or rebased. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src '"
          + sha256(STYLE)
          + "'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  /** The headers of every HTML answer, error pages included. */
  static final Map<String, String> SECURITY_HEADERS =
      Map.of(
          "content-security-policy", CONTENT_SECURITY_POLICY,
          "referrer-policy", "no-referrer",
          "x-frame-options", "DENY");

  private FleetHtml() {}

  /** A whole page: {@code body} is markup whose values were escaped where they were put in. */
  static ApiReply page(int status, String title, String body) {
    return new ApiReply(status, TEXT_HTML, document(title, body), Map.of());
  }

  /** 303 to {@code location}, a path this service built, after a form was posted. */
  static ApiReply seeOther(String location) {
    return new ApiReply(
            303,
            TEXT_HTML,
            document("See other", "<p><a href=\"" + attribute(location) + "\">Continue</a></p>\n"),
            Map.of())
        .withHeader("location", location);
  }

  /**
   * The error page: what went wrong, its {@code error_code} and the correlation ID to quote, never
   * a stack trace; a 401 says how to sign in.
   */
  static ApiReply error(int status, ErrorCode code, String message, String correlationId) {
    StringBuilder body = new StringBuilder();
    body.append("<p>")
        .append(text(message))
        .append("</p>\n<dl class=\"error\">\n<dt>error_code</dt><dd><code id=\"error-code\">")
        .append(text(code.code()))
        .append("</code></dd>\n<dt>correlation_id</dt><dd><code id=\"correlation-id\">")
        .append(text(correlationId))
        .append("</code></dd>\n</dl>\n");
    if (status == 401) {
      body.append(
          "<p>These pages need a bearer token with the scans:read scope; with"
              + " <code>fleetcheck serve</code>, <a href=\"/login\">sign in</a> with a token.</p>\n");
    }
    body.append("<p><a href=\"/fleet\">Back to the fleet</a></p>\n");
    return page(status, title(status), body.toString());
  }

  /** A value from the stores or the request, clipped as the report clips it and escaped. */
  static String text(String value) {
    return ReportText.html(ReportText.clip(value, FleetPageLimits.STANDARD.textChars()));
  }

  /** A link or other attribute value this service built: escaped, never clipped. */
  static String attribute(String value) {
    return ReportText.html(value);
  }

  /** One path segment holding {@code value}, every byte but the unreserved ones percent-encoded. */
  static String segment(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /** {@code path} with the non-empty parameters as its query string, in the order given. */
  static String link(String path, Map<String, String> parameters) {
    List<String> pairs = new ArrayList<>();
    parameters.forEach(
        (name, value) -> {
          if (value != null && !value.isEmpty()) {
            pairs.add(
                URLEncoder.encode(name, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8));
          }
        });
    return pairs.isEmpty() ? path : path + "?" + String.join("&", pairs);
  }

  private static String document(String title, String body) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
        + text(title)
        + " - Fleetcheck</title>\n<style>"
        + STYLE
        + "</style>\n</head>\n<body>\n<header>\n<p class=\"meta\"><a href=\"/fleet\">Fleet</a></p>\n"
        + "<h1>"
        + text(title)
        + "</h1>\n</header>\n<main>\n"
        + body
        + "</main>\n</body>\n</html>\n";
  }

  private static String title(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Sign-in needed";
      case 403 -> "Not allowed";
      case 404 -> "Not found";
      case 409 -> "Conflict";
      case 413 -> "Request too large";
      default -> status >= 500 ? "Something went wrong" : "Request refused";
    };
  }

  private static String sha256(String style) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
