package dev.fleetcheck.functions.api;

import static dev.fleetcheck.functions.api.ApiFixture.SCAN;
import static dev.fleetcheck.functions.api.ApiFixture.body;
import static dev.fleetcheck.functions.api.ApiFixture.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.functions.common.LocalContext;
import dev.fleetcheck.functions.common.SampleEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiHandlerTest {

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

  @Test
  void getScanAnswersTheStoredScanWithItsFailingRulesAndEchoesTheRequestId() {
    APIGatewayV2HTTPResponse response = api.invoke(sample("get-scan.json"));

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getHeaders()).containsEntry("x-request-id", "req-ffbbdc8ff4db");
    JsonNode scan = body(response);
    assertThat(scan.path("scan_id").asText()).isEqualTo(SCAN);
    assertThat(scan.path("status").asText()).isEqualTo("succeeded");
    assertThat(scan.path("failing_rule_details").get(0).path("rule_id").asText())
        .isEqualTo("PY-SEC-041");
    assertThat(api.printed())
        .contains("\"event\":\"request.start\"")
        .contains("\"event\":\"request.end\"")
        .contains("\"correlation_id\":\"req-ffbbdc8ff4db\"");
  }

  @Test
  void theStreamEntryLambdaCallsAnswersTheSampleEventAsTheTypedEntryDoes() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    api.handler.handleRequest(
        new ByteArrayInputStream(
            SampleEvents.text("api/get-scan.json").getBytes(StandardCharsets.UTF_8)),
        out,
        new LocalContext("api", Duration.ofSeconds(29)));

    JsonNode response = ApiFixture.JSON.readTree(out.toByteArray());
    assertThat(response.path("statusCode").asInt()).isEqualTo(200);
    assertThat(response.path("isBase64Encoded").asBoolean(true)).isFalse();
    assertThat(response.path("headers").path("x-request-id").asText())
        .isEqualTo("req-ffbbdc8ff4db");
    assertThat(ApiFixture.JSON.readTree(response.path("body").asText()))
        .isEqualTo(body(api.invoke(sample("get-scan.json"))));
  }

  @Test
  void anUnknownScanIsA404InTheErrorShape() {
    APIGatewayV2HTTPEvent event = sample("get-scan.json");
    event.setPathParameters(Map.of("id", "s-missing"));

    APIGatewayV2HTTPResponse response = api.invoke(event);

    assertThat(response.getStatusCode()).isEqualTo(404);
    JsonNode error = body(response);
    assertThat(error.path("error_code").asText()).isEqualTo("scan_not_found");
    assertThat(error.has("message")).isTrue();
    assertThat(error.path("details").isObject()).isTrue();
    assertThat(error.path("correlation_id").asText()).isEqualTo("req-ffbbdc8ff4db");
  }

  @Test
  void listReposFiltersByTeamBandAndFailingRule() {
    assertThat(
            body(api.invoke(sample("list-repos.json")))
                .path("items")
                .findValuesAsText("repository"))
        .containsExactly("payments-api");
    APIGatewayV2HTTPEvent strong = sample("list-repos.json");
    strong.setQueryStringParameters(Map.of("band", "strong"));
    assertThat(body(api.invoke(strong)).path("items").size()).isZero();
    APIGatewayV2HTTPEvent otherRule = sample("list-repos.json");
    otherRule.setQueryStringParameters(Map.of("rule", "PY-LCL-001"));
    assertThat(body(api.invoke(otherRule)).path("items").size()).isZero();
  }

  @Test
  void anUnknownBandOrABadLimitIsA400() {
    APIGatewayV2HTTPEvent band = sample("list-repos.json");
    band.setQueryStringParameters(Map.of("band", "C"));
    APIGatewayV2HTTPEvent limit = sample("list-repos.json");
    limit.setQueryStringParameters(Map.of("limit", "100000"));

    assertThat(api.invoke(band).getStatusCode()).isEqualTo(400);
    assertThat(api.invoke(limit).getStatusCode()).isEqualTo(400);
  }

  @Test
  void aTamperedOrForeignCursorIsA400CursorInvalid() {
    APIGatewayV2HTTPEvent first = sample("list-repos.json");
    first.setQueryStringParameters(Map.of("limit", "1"));
    api.embedded
        .ports()
        .results()
        .putScan(
            new dev.fleetcheck.core.model.ScanRecord(
                "s-second",
                "zeta-service",
                "payments",
                "https://github.com/acme/zeta-service.git",
                "b".repeat(40),
                "test-pack",
                ApiFixture.SWEEP,
                ApiFixture.AT,
                new dev.fleetcheck.core.model.ScanOutcome.Succeeded(
                    60.0, Map.of(), java.util.List.of(), "scans/y")),
            java.util.List.of());
    String cursor = body(api.invoke(first)).path("next_cursor").asText();
    assertThat(cursor).isNotBlank();

    APIGatewayV2HTTPEvent tampered = sample("list-repos.json");
    tampered.setQueryStringParameters(Map.of("cursor", "x" + cursor.substring(1)));
    APIGatewayV2HTTPEvent foreign = sample("get-repo-scans.json");
    foreign.setQueryStringParameters(Map.of("cursor", cursor));

    for (APIGatewayV2HTTPEvent event : java.util.List.of(tampered, foreign)) {
      APIGatewayV2HTTPResponse response = api.invoke(event);
      assertThat(response.getStatusCode()).isEqualTo(400);
      assertThat(body(response).path("error_code").asText()).isEqualTo("cursor_invalid");
    }
  }

  @Test
  void repoScansListTheRepositoryHistory() {
    JsonNode page = body(api.invoke(sample("get-repo-scans.json")));

    assertThat(page.path("items").findValuesAsText("scan_id")).containsExactly(SCAN);
  }

  @Test
  void findingsListTheRepositoriesFailingTheRuleInTheLatestSweep() {
    JsonNode page = body(api.invoke(sample("list-findings.json")));

    assertThat(page.path("items").findValuesAsText("repository")).containsExactly("payments-api");
  }

  @Test
  void findingsWithoutARuleAreA400() {
    APIGatewayV2HTTPEvent event = sample("list-findings.json");
    event.setQueryStringParameters(null);

    assertThat(api.invoke(event).getStatusCode()).isEqualTo(400);
  }

  @Test
  void rulesListTheCatalogue() {
    JsonNode rules = body(api.invoke(sample("get-rules.json")));

    assertThat(rules.path("items").size()).isEqualTo(314);
    assertThat(rules.path("items").get(0).has("rule_id")).isTrue();
  }

  @Test
  void theOpenApiDocumentIsServedWithoutAToken() {
    APIGatewayV2HTTPResponse response = api.invoke(sample("get-openapi.json"));

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(body(response).path("openapi").asText()).startsWith("3.1");
  }

  @Test
  void anUnknownRouteIsA404InTheErrorShapeWithTheRequestId() {
    APIGatewayV2HTTPEvent event = sample("get-scan.json");
    event.setRouteKey("$default");
    event.setRawPath("/v1/nothing/here");

    APIGatewayV2HTTPResponse response = api.invoke(event);

    assertThat(response.getStatusCode()).isEqualTo(404);
    assertThat(body(response).path("error_code").asText()).isEqualTo("route_not_found");
    assertThat(response.getHeaders()).containsEntry("x-request-id", "req-ffbbdc8ff4db");
  }

  @Test
  void aDefaultRouteEventIsMatchedByMethodAndPathWithDecodedParameters() {
    APIGatewayV2HTTPEvent event = sample("get-repo-scans.json");
    event.setRouteKey("$default");
    event.setPathParameters(null);
    event.setRawPath("/v1/repos/payments%2Dapi/scans");

    JsonNode page = body(api.invoke(event));

    assertThat(page.path("items").findValuesAsText("scan_id")).containsExactly(SCAN);
  }

  @Test
  void anUnsafeRequestIdIsReplacedByAGeneratedOne() {
    APIGatewayV2HTTPEvent event = sample("get-scan.json");
    event.setHeaders(Map.of("x-request-id", "bad\nid"));

    assertThat(api.invoke(event).getHeaders().get("x-request-id")).matches("[0-9a-f-]{36}");
  }

  @Test
  void aRequestWithoutARequestIdGetsOneOnTheResponseAndInTheLog() {
    APIGatewayV2HTTPEvent event = sample("get-scan.json");
    Map<String, String> headers = new HashMap<>(event.getHeaders());
    headers.remove("x-request-id");
    event.setHeaders(headers);

    String id = api.invoke(event).getHeaders().get("x-request-id");

    assertThat(id).matches("[0-9a-f-]{36}");
    assertThat(api.printed()).contains("\"correlation_id\":\"" + id + "\"");
  }

  @Test
  void aPathParameterWithControlCharactersIsA400() {
    APIGatewayV2HTTPEvent event = sample("get-scan.json");
    event.setPathParameters(Map.of("id", "s-\u0000"));

    assertThat(api.invoke(event).getStatusCode()).isEqualTo(400);
  }

  @Test
  void aRouteThatDeclaresNoAccessIsDeniedEvenToAFullToken() {
    Route undeclared =
        new Route(
            "GET /v1/x",
            new Route.Access.Undeclared(),
            r -> ApiReply.ok(ApiFixture.JSON.createObjectNode()));
    ApiRequest request =
        new ApiRequest("GET /v1/x", Map.of(), Map.of(), "r", Optional.of(Set.of("scans:read")));

    assertThat(ScopePolicy.refusal(undeclared, request)).contains(ErrorCode.FORBIDDEN);
    ApiReply reply =
        new ApiRouter(java.util.List.of(undeclared), api.runtime.log()).dispatch(request);
    assertThat(reply.status()).isEqualTo(403);
    assertThat(api.printed()).contains("\"event\":\"security.audit\"");
  }

  @Test
  void aFailureInsideARouteIsA500InTheErrorShapeWithoutItsMessage() {
    Route broken =
        Route.scoped(
            "GET /v1/x",
            "scans:read",
            r -> {
              throw new IllegalStateException("secret internals at line 12");
            });
    ApiRequest request =
        new ApiRequest("GET /v1/x", Map.of(), Map.of(), "r", Optional.of(Set.of("scans:read")));

    ApiReply reply = new ApiRouter(java.util.List.of(broken), api.runtime.log()).dispatch(request);

    assertThat(reply.status()).isEqualTo(500);
    assertThat(reply.body()).contains("\"error_code\":\"internal_error\"").doesNotContain("secret");
  }
}
