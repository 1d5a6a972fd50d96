package dev.fleetcheck.serve;

import static dev.fleetcheck.serve.ServeSecurityTest.assertErrorShape;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet page's login: a form with a strict CSP, a pasted token turned into an HttpOnly,
 * SameSite=Strict cookie that counts only for the fleet page's GETs and same-origin form posts, and
 * a logout that clears it.
 */
class ServeLoginTest {

  @TempDir Path dir;
  private ServeFixture serve;
  private String origin;

  @BeforeEach
  void start() {
    serve = new ServeFixture(dir, Optional.empty(), 0, 1);
    String base = serve.app.baseUri().toString();
    origin = base.substring(0, base.length() - 1);
  }

  @AfterEach
  void stop() {
    serve.close();
  }

  private HttpResponse<String> login(String token, String originHeader) {
    HttpRequest.Builder request =
        serve
            .request("/login")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
    if (originHeader != null) {
      request.header("Origin", originHeader);
    }
    return serve.send(request.build());
  }

  private HttpResponse<String> withCookie(
      String method, String path, String cookie, String... more) {
    HttpRequest.Builder request =
        serve
            .request(path)
            .header("Cookie", cookie)
            .method(
                method,
                method.equals("POST")
                    ? HttpRequest.BodyPublishers.ofString("format=csv")
                    : HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i < more.length; i += 2) {
      request.header(more[i], more[i + 1]);
    }
    return serve.send(request.build());
  }

  private String session(String scope) {
    HttpResponse<String> response = login(serve.token(scope), origin);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
    String cookie = response.headers().firstValue("set-cookie").orElseThrow();
    return cookie.substring(0, cookie.indexOf(';'));
  }

  @Test
  void theLoginFormIsPlainHtmlWithAStrictCsp() {
    HttpResponse<String> page = serve.get("/login", null);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("content-type").orElse("")).startsWith("text/html");
    assertThat(page.headers().firstValue("content-security-policy").orElse(""))
        .contains("default-src 'none'")
        .contains("form-action 'self'")
        .contains("frame-ancestors 'none'");
    assertThat(page.body())
        .contains("<form method=\"post\" action=\"/login\"")
        .doesNotContain("<script");
  }

  @Test
  void aValidTokenBecomesAnHttpOnlyStrictCookieThatLivesNoLongerThanTheToken() {
    HttpResponse<String> response = login(serve.token("scans:read"), origin);

    assertThat(response.statusCode()).isEqualTo(303);
    assertThat(response.headers().firstValue("location")).contains("/fleet");
    String cookie = response.headers().firstValue("set-cookie").orElseThrow();
    assertThat(cookie)
        .startsWith(LoginPage.COOKIE + "=")
        .contains("; HttpOnly")
        .contains("; SameSite=Strict")
        .contains("; Path=/");
    long maxAge = Long.parseLong(cookie.replaceAll(".*Max-Age=(\\d+).*", "$1"));
    assertThat(maxAge).isPositive().isLessThanOrEqualTo(600);
  }

  @Test
  void anInvalidTokenIsRefusedOnTheFormWithoutACookie() {
    HttpResponse<String> response =
        login(serve.token("scans:read", b -> b.audience("someone-else")), origin);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("set-cookie")).isEmpty();
    assertThat(response.body()).contains("another audience");
  }

  @Test
  void aLoginPostFromAnotherOriginIsRefused() {
    HttpResponse<String> response = login(serve.token("scans:read"), "https://evil.example");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("set-cookie")).isEmpty();
  }

  @Test
  void theCookieCountsForFleetPageGetsOnly() {
    String cookie = session("scans:read");

    // The cookie is validated for /fleet (a forged one is sent back to the login form, see
    // below); a valid one reaches the router's fleet routes.
    assertThat(withCookie("GET", "/fleet", cookie).statusCode()).isNotIn(303, 401, 403);
    // ...but never for the JSON API.
    HttpResponse<String> api = withCookie("GET", "/v1/repos", cookie);
    assertThat(api.statusCode()).isEqualTo(401);
    assertErrorShape(api, "unauthenticated");
  }

  @Test
  void anExpiredOrForgedCookieSendsTheBrowserBackToTheLoginForm() {
    HttpResponse<String> response =
        withCookie("GET", "/fleet", LoginPage.COOKIE + "=" + "forged.token.value");

    assertThat(response.statusCode()).isEqualTo(303);
    assertThat(response.headers().firstValue("location")).contains("/login");
    assertThat(response.headers().firstValue("set-cookie").orElse("")).contains("Max-Age=0");
  }

  @Test
  void aFleetFormPostWithTheCookieMustShowItsOwnOrigin() {
    String cookie = session("exports:create");

    HttpResponse<String> crossOrigin =
        withCookie("POST", "/fleet/exports", cookie, "Origin", "https://evil.example");
    HttpResponse<String> crossSite =
        withCookie("POST", "/fleet/exports", cookie, "Sec-Fetch-Site", "cross-site");
    HttpResponse<String> unknown = withCookie("POST", "/fleet/exports", cookie);
    HttpResponse<String> sameOrigin =
        withCookie("POST", "/fleet/exports", cookie, "Origin", origin);

    for (HttpResponse<String> refused : java.util.List.of(crossOrigin, crossSite, unknown)) {
      assertThat(refused.statusCode()).isEqualTo(403);
      assertErrorShape(refused, "forbidden");
    }
    assertThat(sameOrigin.statusCode()).isNotIn(401, 403);
  }

  @Test
  void logoutClearsTheCookieFromThisOriginOnly() {
    HttpResponse<String> out =
        serve.send(
            serve
                .request("/logout")
                .header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    HttpResponse<String> forged =
        serve.send(
            serve
                .request("/logout")
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());

    assertThat(out.statusCode()).isEqualTo(303);
    assertThat(out.headers().firstValue("set-cookie").orElse(""))
        .startsWith(LoginPage.COOKIE + "=;")
        .contains("Max-Age=0");
    assertThat(forged.statusCode()).isEqualTo(403);
  }

  @Test
  void theBearerHeaderWinsOverTheCookie() {
    String cookie = session("scans:read");

    HttpResponse<String> response =
        withCookie("GET", "/fleet", cookie, "Authorization", "Bearer not-a-jwt");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("www-authenticate").orElse(""))
        .contains("invalid_token");
  }
}
