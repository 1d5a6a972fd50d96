package dev.fleetcheck.functions.api;

import static dev.fleetcheck.functions.api.ApiFixture.body;
import static dev.fleetcheck.functions.api.ApiFixture.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.core.report.fleet.ReportText;
import dev.fleetcheck.functions.common.SampleEvents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every protected route refuses a request without verified claims (401 with WWW-Authenticate), a
 * token without scopes and a token with every other route's scope (403, audited). Signature,
 * audience, expiry, not-before and {@code alg: none} are API Gateway's JWT authorizer's checks: no
 * such request reaches the function on AWS (the local server's own validation is planned with
 * {@code fleetcheck serve}).
 */
class ApiSecurityTest {

  static final Set<String> SCOPES =
      Set.of("scans:read", "scans:write", "exports:create", "sweeps:admin");

  @TempDir Path dir;
  private ApiFixture api;

  @BeforeEach
  void open() {
    api = new ApiFixture(dir);
  }

  @AfterEach
  void close() {
    api.close();
  }

  /** The sample event of every route that needs a scope. */
  static Stream<String> protectedEvents() {
    try (Stream<Path> files = Files.list(SampleEvents.path("api"))) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(f -> !f.equals("get-openapi.json"))
          .sorted()
          .toList()
          .stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<String, Route> routes() {
    return new ApiRouter(
            ApiRoutes.all(api.runtime, ApiRoutes.noReportLinks(), ApiRoutes.noSweepLauncher()),
            api.runtime.log())
        .routes();
  }

  private String scopeOf(APIGatewayV2HTTPEvent event) {
    return ((Route.Access.Scope) routes().get(event.getRouteKey()).access()).name();
  }

  /** The error shape for the API's routes, the error page (same code and ID) for the web page's. */
  private static void assertRefused(APIGatewayV2HTTPResponse response, int status, String code) {
    assertThat(response.getStatusCode()).isEqualTo(status);
    assertThat(response.getHeaders()).containsKey("x-request-id");
    if (response.getHeaders().get("content-type").startsWith("text/html")) {
      assertThat(response.getBody())
          .contains("<code id=\"error-code\">" + code + "</code>")
          .contains(
              "<code id=\"correlation-id\">"
                  + ReportText.html(response.getHeaders().get("x-request-id"))
                  + "<");
      assertThat(response.getHeaders().get("content-security-policy")).startsWith("default-src");
      return;
    }
    JsonNode error = body(response);
    assertThat(error.path("error_code").asText()).isEqualTo(code);
    assertThat(error.path("details").isObject()).isTrue();
    assertThat(error.path("correlation_id").asText()).isNotBlank();
  }

  @ParameterizedTest
  @MethodSource("protectedEvents")
  void withoutVerifiedClaimsEveryProtectedRouteIsA401WithWwwAuthenticate(String name) {
    APIGatewayV2HTTPEvent event = sample(name);
    event.getRequestContext().setAuthorizer(null);

    APIGatewayV2HTTPResponse response = api.invoke(event);

    assertRefused(response, 401, "unauthenticated");
    assertThat(response.getHeaders().get("www-authenticate")).startsWith("Bearer");
    assertThat(api.printed()).contains("\"event\":\"security.audit\"");
  }

  @ParameterizedTest
  @MethodSource("protectedEvents")
  void anAuthorizerWithEmptyClaimsIsA401(String name) {
    APIGatewayV2HTTPEvent event = sample(name);
    event.getRequestContext().getAuthorizer().getJwt().setClaims(Map.of());

    assertRefused(api.invoke(event), 401, "unauthenticated");
  }

  @ParameterizedTest
  @MethodSource("protectedEvents")
  void aTokenWithoutScopesIsA403AndAudited(String name) {
    APIGatewayV2HTTPEvent event = ApiFixture.withScope(sample(name), "");

    assertRefused(api.invoke(event), 403, "forbidden");
    assertThat(api.printed())
        .contains("\"event\":\"security.audit\"")
        .contains("\"required_scope\":\"" + scopeOf(event) + "\"")
        .doesNotContain("ci-pipeline")
        .doesNotContain("eyJhbGciOiJSUzI1NiIsImtpZCI6ImV4YW1wbGUifQ");
  }

  @ParameterizedTest
  @MethodSource("protectedEvents")
  void aTokenWithEveryOtherRoutesScopeIsA403(String name) {
    APIGatewayV2HTTPEvent event = sample(name);
    String needed = scopeOf(event);
    List<String> others = SCOPES.stream().filter(s -> !s.equals(needed)).sorted().toList();
    ApiFixture.withScope(event, String.join(" ", others));

    assertRefused(api.invoke(event), 403, "forbidden");
  }

  @ParameterizedTest
  @MethodSource("protectedEvents")
  void theRouteScopeAloneIsEnoughAsAScpArrayClaimToo(String name) {
    APIGatewayV2HTTPEvent event = sample(name);
    Map<String, String> claims =
        new TreeMap<>(event.getRequestContext().getAuthorizer().getJwt().getClaims());
    claims.remove("scope");
    claims.put("scp", "[\"" + scopeOf(event) + "\"]");
    event.getRequestContext().getAuthorizer().getJwt().setClaims(claims);

    assertThat(api.invoke(event).getStatusCode()).isNotIn(401, 403);
  }

  @Test
  void everyRouteDeclaresAScopeOfTheFourOrIsTheOpenApiDocument() {
    routes()
        .forEach(
            (key, route) -> {
              if (key.equals("GET /v1/openapi.json")) {
                assertThat(route.access()).isInstanceOf(Route.Access.Public.class);
              } else {
                assertThat(route.access()).isInstanceOf(Route.Access.Scope.class);
                assertThat(SCOPES).contains(((Route.Access.Scope) route.access()).name());
              }
            });
  }
}
