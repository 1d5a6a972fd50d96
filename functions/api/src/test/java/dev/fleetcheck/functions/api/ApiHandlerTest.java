package dev.fleetcheck.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.model.FailingRule;
import dev.fleetcheck.core.model.Level;
import dev.fleetcheck.core.model.ScanOutcome;
import dev.fleetcheck.core.model.ScanRecord;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.model.Sweep;
import dev.fleetcheck.core.model.SweepEntry;
import dev.fleetcheck.core.port.ResultStore;
import dev.fleetcheck.functions.common.EmbeddedPorts;
import dev.fleetcheck.functions.common.LocalContext;
import dev.fleetcheck.functions.common.SampleEvents;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiHandlerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant AT = Instant.parse("2026-12-07T03:05:00Z");
  private static final String SWEEP = "sw-20261207T030000Z";
  private static final String SCAN = "s-4f1c2a9d7b3e8a60";

  @TempDir Path dir;
  private EmbeddedPorts embedded;
  private ApiHandler handler;

  @BeforeEach
  void open() {
    embedded = new EmbeddedPorts(dir, Clock.systemUTC(), 3);
    ResultStore results = embedded.ports().results();
    results.createSweep(new Sweep(SWEEP, AT, 2, "test-pack"));
    results.putScan(
        new ScanRecord(
            SCAN,
            "payments-api",
            "payments",
            "https://github.com/acme/payments-api.git",
            "a".repeat(40),
            "test-pack",
            SWEEP,
            AT,
            new ScanOutcome.Succeeded(
                0.7, Map.of(Status.PASS, 7, Status.FAIL, 3), List.of("PY-SEC-041"), "scans/x")),
        List.of(new FailingRule("PY-SEC-041", Level.REQUIRED, 1, List.of())));
    results.recordSweepEntry(SweepEntry.done(SWEEP, "payments-api", SCAN, AT));
    results.recordSweepEntry(
        SweepEntry.failed(SWEEP, "legacy-scripts", "s-failed", ErrorCode.REPO_NOT_FOUND, AT));
    handler = new ApiHandler(embedded.function("api"));
  }

  @AfterEach
  void close() {
    embedded.close();
  }

  private APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
    return handler.handleRequest(event, new LocalContext("api", Duration.ofSeconds(29)));
  }

  private static APIGatewayV2HTTPEvent sample(String name) {
    return SampleEvents.read("api/" + name, APIGatewayV2HTTPEvent.class);
  }

  private static JsonNode body(APIGatewayV2HTTPResponse response) throws Exception {
    return JSON.readTree(response.getBody());
  }

  @Test
  void getScanAnswersTheStoredScanWithItsFailingRulesAndEchoesTheRequestId() throws Exception {
    APIGatewayV2HTTPResponse response = invoke(sample("get-scan.json"));

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getHeaders()).containsEntry("x-request-id", "req-ffbbdc8ff4db");
    JsonNode scan = body(response);
    assertThat(scan.path("scan_id").asText()).isEqualTo(SCAN);
    assertThat(scan.path("status").asText()).isEqualTo("succeeded");
    assertThat(scan.path("failing_rule_details").get(0).path("rule_id").asText())
        .isEqualTo("PY-SEC-041");
    assertThat(embedded.printed())
        .contains("\"event\":\"request.end\"")
        .contains("\"correlation_id\":\"req-ffbbdc8ff4db\"");
  }

  @Test
  void anUnknownScanIsA404InTheErrorShape() throws Exception {
    APIGatewayV2HTTPEvent event = sample("get-scan.json");
    event.setPathParameters(Map.of("id", "s-missing"));

    APIGatewayV2HTTPResponse response = invoke(event);

    assertThat(response.getStatusCode()).isEqualTo(404);
    JsonNode error = body(response);
    assertThat(error.path("error_code").asText()).isEqualTo("scan_not_found");
    assertThat(error.has("message")).isTrue();
    assertThat(error.path("details").isObject()).isTrue();
    assertThat(error.path("correlation_id").asText()).isEqualTo("req-ffbbdc8ff4db");
  }

  @Test
  void listReposFiltersByTeamAndBand() throws Exception {
    JsonNode page = body(invoke(sample("list-repos.json")));

    assertThat(page.path("items").findValuesAsText("repository")).isEmpty();
    APIGatewayV2HTTPEvent event = sample("list-repos.json");
    event.setQueryStringParameters(Map.of("team", "payments"));
    assertThat(body(invoke(event)).path("items").findValuesAsText("repository"))
        .containsExactly("payments-api");
  }

  @Test
  void repoScansListTheRepositoryHistory() throws Exception {
    JsonNode page = body(invoke(sample("get-repo-scans.json")));

    assertThat(page.path("items").findValuesAsText("scan_id")).containsExactly(SCAN);
  }

  @Test
  void findingsListTheRepositoriesFailingTheRuleInTheLatestSweep() throws Exception {
    JsonNode page = body(invoke(sample("list-findings.json")));

    assertThat(page.path("items").findValuesAsText("repository")).containsExactly("payments-api");
  }

  @Test
  void aSweepShowsItsProgressAndTheReasonOfEachFailure() throws Exception {
    JsonNode sweep = body(invoke(sample("get-sweep.json")));

    assertThat(sweep.path("expected").asInt()).isEqualTo(2);
    assertThat(sweep.path("done").asInt()).isEqualTo(1);
    assertThat(sweep.path("failed").asInt()).isEqualTo(1);
    assertThat(sweep.path("failures").get(0).path("error_code").asText())
        .isEqualTo("repo_not_found");
  }

  @Test
  void rulesListTheCatalogue() throws Exception {
    JsonNode rules = body(invoke(sample("get-rules.json")));

    assertThat(rules.path("items").size()).isGreaterThan(100);
    assertThat(rules.path("items").get(0).has("rule_id")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "get-scan-report.json",
        "post-scan.json",
        "post-sweep.json",
        "post-export.json",
        "get-export.json",
        "get-openapi.json"
      })
  void routesOfTheLaterReportApiAnswerRouteNotFoundInTheErrorShape(String event) throws Exception {
    APIGatewayV2HTTPResponse response = invoke(sample(event));

    assertThat(response.getStatusCode()).isEqualTo(404);
    assertThat(body(response).path("error_code").asText()).isEqualTo("route_not_found");
    assertThat(response.getHeaders()).containsKey("x-request-id");
  }

  @Test
  void aTokenWithoutTheRouteScopeIsRefusedWith403AndAudited() throws Exception {
    APIGatewayV2HTTPEvent event = sample("get-scan.json");
    event.getRequestContext().getAuthorizer().getJwt().setClaims(Map.of("scope", "exports:create"));

    APIGatewayV2HTTPResponse response = invoke(event);

    assertThat(response.getStatusCode()).isEqualTo(403);
    assertThat(body(response).path("error_code").asText()).isEqualTo("forbidden");
    assertThat(embedded.printed()).contains("\"event\":\"security.audit\"");
  }

  @Test
  void aRequestWithoutAVerifiedIdentityIsRefusedWith401() throws Exception {
    APIGatewayV2HTTPEvent event = sample("get-scan.json");
    event.getRequestContext().setAuthorizer(null);

    assertThat(invoke(event).getStatusCode()).isEqualTo(401);
  }

  @Test
  void anUnsafeRequestIdIsReplacedByAGeneratedOne() {
    APIGatewayV2HTTPEvent event = sample("get-scan.json");
    event.setHeaders(Map.of("x-request-id", "bad\nid"));

    assertThat(invoke(event).getHeaders().get("x-request-id")).matches("[0-9a-f-]{36}");
  }

  @Test
  void aRouteThatDeclaresNoAccessIsDeniedEvenToAFullToken() {
    Route undeclared =
        new Route(
            "GET /v1/x", new Route.Access.Undeclared(), r -> ApiReply.ok(JSON.createObjectNode()));
    ApiRequest request =
        new ApiRequest(
            "GET /v1/x",
            Map.of(),
            Map.of(),
            "r",
            java.util.Optional.of(java.util.Set.of("scans:read")));

    assertThat(ScopePolicy.refusal(undeclared, request)).contains(ErrorCode.FORBIDDEN);
  }
}
