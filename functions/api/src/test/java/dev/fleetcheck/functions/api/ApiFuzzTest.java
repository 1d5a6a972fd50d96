package dev.fleetcheck.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.core.report.fleet.ReportText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Random paths, route keys, query strings, headers, identities and bodies against the handler over
 * the embedded store: never a 5xx, never a stack trace or a class name, always the error shape with
 * the request ID for a refusal.
 */
class ApiFuzzTest {

  private static final List<String> ROUTE_KEYS =
      List.of(
          "GET /v1/rules",
          "POST /v1/scans",
          "GET /v1/scans/{id}",
          "GET /v1/scans/{id}/report",
          "GET /v1/repos",
          "GET /v1/repos/{repo}/scans",
          "GET /v1/findings",
          "POST /v1/sweeps",
          "GET /v1/sweeps/{id}",
          "POST /v1/exports",
          "GET /v1/exports/{id}",
          "GET /v1/openapi.json",
          "GET /fleet",
          "GET /fleet/repos/{repo}",
          "GET /fleet/rules/{id}",
          "POST /fleet/exports",
          "GET /fleet/exports/{id}");
  private static final List<String> SCOPES =
      List.of("scans:read", "scans:write", "exports:create", "sweeps:admin");

  private Path dir;
  private ApiFixture api;

  @BeforeProperty
  void open() throws IOException {
    dir = Files.createTempDirectory("api-fuzz");
    api = new ApiFixture(dir);
  }

  @AfterProperty
  void close() throws IOException {
    api.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Property(tries = 400)
  void noRequestGetsA5xxAStackTraceOrAnotherErrorShape(
      @ForAll("events") APIGatewayV2HTTPEvent event) throws IOException {
    APIGatewayV2HTTPResponse response = api.invoke(event);

    assertThat(response.getStatusCode()).isBetween(200, 499);
    String requestId = response.getHeaders().get("x-request-id");
    assertThat(requestId).isNotBlank();
    assertThat(response.getBody())
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("dev.fleetcheck.");
    if (response.getHeaders().get("content-type").startsWith("text/html")) {
      assertThat(response.getHeaders().get("content-security-policy"))
          .startsWith("default-src 'none'");
      assertThat(response.getBody()).doesNotContain("<script");
      if (response.getStatusCode() >= 400) {
        assertThat(response.getBody())
            .containsPattern("<code id=\"error-code\">[a-z_]+</code>")
            .contains("<code id=\"correlation-id\">" + ReportText.html(requestId) + "</code>");
      }
    } else if (response.getStatusCode() >= 400) {
      JsonNode error = ApiFixture.JSON.readTree(response.getBody());
      assertThat(error.path("error_code").asText()).matches("[a-z_]+");
      assertThat(error.path("message").isTextual()).isTrue();
      assertThat(error.path("details").isObject()).isTrue();
      assertThat(error.path("correlation_id").asText()).isEqualTo(requestId);
      assertThat(error.size()).isEqualTo(4);
    }
  }

  @Provide
  Arbitrary<APIGatewayV2HTTPEvent> events() {
    return Combinators.combine(
            routeKeys(),
            paths(),
            queries(),
            headers(),
            bodies(),
            identities(),
            Arbitraries.of(true, false))
        .as(ApiFuzzTest::event);
  }

  private static APIGatewayV2HTTPEvent event(
      String routeKey,
      String path,
      Map<String, String> query,
      Map<String, String> headers,
      String body,
      List<String> identity,
      boolean base64) {
    APIGatewayV2HTTPEvent event = ApiFixture.sample("get-scan.json");
    event.setRouteKey(routeKey);
    event.setRawPath(path);
    event.setPathParameters(
        routeKey.contains("{") && path.length() % 2 == 0 ? Map.of("id", path) : null);
    event.setQueryStringParameters(query.isEmpty() ? null : query);
    Map<String, String> sent = new HashMap<>(headers);
    if (path.length() % 2 == 1) {
      sent.putIfAbsent("content-type", "application/x-www-form-urlencoded");
    }
    event.setHeaders(sent);
    event.setBody(body);
    event.setIsBase64Encoded(base64 && body != null);
    String method =
        routeKey.startsWith("POST") ? "POST" : path.length() % 3 == 0 ? "DELETE" : "GET";
    event.getRequestContext().getHttp().setMethod(method);
    if (identity == null) {
      event.getRequestContext().setAuthorizer(null);
    } else {
      event
          .getRequestContext()
          .getAuthorizer()
          .getJwt()
          .setClaims(identity.isEmpty() ? Map.of() : Map.of("scope", String.join(" ", identity)));
    }
    return event;
  }

  private static Arbitrary<String> text() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(40),
        Arbitraries.strings().all().ofMaxLength(20),
        Arbitraries.of(
            "",
            " ",
            "..",
            "%",
            "%zz",
            "%00",
            "%C0%AF",
            "../../etc/passwd",
            "s-4f1c2a9d7b3e8a60",
            "sw-20261207T030000Z",
            "e-000000000000000000000000",
            "payments-api",
            "-1",
            "0",
            "99999999999",
            "weak",
            "STRONG",
            "json",
            "sarif",
            "md",
            "csv",
            "html",
            "PY-SEC-041",
            "\u0000",
            "\uD800",
            "null",
            "{}",
            "[]"),
        Arbitraries.strings().ofLength(2000));
  }

  private static Arbitrary<String> routeKeys() {
    return Arbitraries.oneOf(
        Arbitraries.of(ROUTE_KEYS), Arbitraries.of("$default", "GET /v1/x", ""), text());
  }

  private static Arbitrary<String> paths() {
    Arbitrary<String> templated =
        Combinators.combine(Arbitraries.of(ROUTE_KEYS), text())
            .as(
                (key, segment) ->
                    key.substring(key.indexOf(' ') + 1)
                        .replaceAll("\\{[a-z]+}", Matcher.quoteReplacement(segment)));
    return Arbitraries.oneOf(
        templated, text().map(t -> "/v1/" + t), text().map(t -> "/fleet/" + t), text());
  }

  private static Arbitrary<Map<String, String>> queries() {
    Arbitrary<String> names =
        Arbitraries.oneOf(
            Arbitraries.of("limit", "cursor", "back", "team", "band", "rule", "format", "sweep"),
            text());
    return Arbitraries.maps(names, text()).ofMaxSize(4);
  }

  private static Arbitrary<Map<String, String>> headers() {
    Arbitrary<String> names =
        Arbitraries.oneOf(
            Arbitraries.of("x-request-id", "X-Request-Id", "content-type", "idempotency-key"),
            text());
    return Arbitraries.maps(names, text())
        .ofMaxSize(4)
        .map(
            m -> {
              Map<String, String> copy = new HashMap<>(m);
              copy.remove(null);
              return copy;
            });
  }

  private static Arbitrary<String> bodies() {
    Arbitrary<String> values =
        Arbitraries.oneOf(
            text().map(t -> ApiFixture.JSON.getNodeFactory().textNode(t).toString()),
            Arbitraries.of("1", "-1.5e300", "true", "null", "[]", "{}", "{\"team\":[1]}"),
            Arbitraries.of(
                "\"https://github.com/acme/a.git\"",
                "\"https://u:p@h/x.git\"",
                "\"csv\"",
                "\"html\"",
                "\"weak\""));
    Arbitrary<String> objects =
        Arbitraries.maps(
                Arbitraries.oneOf(
                    Arbitraries.of(
                        "repository_url", "ref", "team", "sweep_id", "format", "filters"),
                    text()),
                values)
            .ofMaxSize(3)
            .map(ApiFuzzTest::object);
    Arbitrary<String> forms =
        Arbitraries.oneOf(
            Arbitraries.of(
                "format=csv",
                "format=html&team=payments&band=weak&rule=PY-SEC-041",
                "format=x&band=purple",
                "format=json&rule=%ZZ",
                "format=csv&format=csv",
                "unknown=1",
                "format=csv&team=%00",
                "&&=&"),
            text().map(t -> "format=sarif&team=" + t));
    return Arbitraries.oneOf(
        objects, forms, text(), Arbitraries.just(null), Arbitraries.just("{".repeat(5000)));
  }

  private static String object(Map<String, String> fields) {
    List<String> parts = new ArrayList<>();
    fields.forEach(
        (k, v) -> parts.add(ApiFixture.JSON.getNodeFactory().textNode(k).toString() + ":" + v));
    return "{" + String.join(",", parts) + "}";
  }

  /** No authorizer (null), empty claims, or some scopes, real or not. */
  private static Arbitrary<List<String>> identities() {
    return Arbitraries.oneOf(
        Arbitraries.just(null),
        Arbitraries.subsetOf(SCOPES).map(List::copyOf),
        text().list().ofMaxSize(2));
  }
}
