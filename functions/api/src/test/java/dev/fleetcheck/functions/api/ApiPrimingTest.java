package dev.fleetcheck.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetcheck.core.fleet.FleetRuntime;
import dev.fleetcheck.core.model.ScanOutcome;
import dev.fleetcheck.core.model.ScanRecord;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.model.Sweep;
import dev.fleetcheck.functions.common.CheckpointContext;
import dev.fleetcheck.functions.common.EmbeddedPorts;
import dev.fleetcheck.functions.common.FunctionRuntime;
import dev.fleetcheck.functions.common.LocalContext;
import dev.fleetcheck.functions.common.RecordedCalls;
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

/** The API function's SnapStart hooks, driven as the JVM drives them at a snapshot and restore. */
class ApiPrimingTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant AT = Instant.parse("2026-12-07T03:05:00Z");
  private static final String SCAN = "s-4f1c2a9d7b3e8a60";

  @TempDir Path dir;
  private EmbeddedPorts embedded;
  private final RecordedCalls calls = new RecordedCalls();
  private final CheckpointContext snapshot = new CheckpointContext();
  private ApiHandler handler;

  @BeforeEach
  void open() {
    embedded = new EmbeddedPorts(dir, Clock.systemUTC(), 3);
    embedded.ports().results().createSweep(new Sweep("sw-1", AT, 1, "test-pack"));
    embedded
        .ports()
        .results()
        .putScan(
            new ScanRecord(
                SCAN,
                "payments-api",
                "payments",
                "https://github.com/acme/payments-api.git",
                "a".repeat(40),
                "test-pack",
                "sw-1",
                AT,
                new ScanOutcome.Succeeded(0.9, Map.of(Status.PASS, 9), List.of(), "scans/x")),
            List.of());
    FunctionRuntime runtime =
        FunctionRuntime.over(
            "api",
            calls.around(embedded.ports()),
            new FleetRuntime.Settings("test-pack"),
            embedded.out());
    handler =
        new ApiHandler(runtime, ApiRoutes.noReportLinks(), ApiRoutes.noSweepLauncher(), snapshot);
  }

  @AfterEach
  void close() {
    embedded.close();
  }

  @Test
  void theHandlerRegistersOnePrimingResource() {
    assertThat(snapshot.registered()).hasSize(1);
  }

  @Test
  void theCheckpointRunsTheReadRoutesThroughTheHandlerAndTheStoreWithoutWritingOrLogging()
      throws Exception {
    snapshot.checkpoint();

    assertThat(calls.calls())
        .containsExactlyInAnyOrder("results.scan", "queue.depth", "reports.get");
    List<JsonNode> lines = embedded.printedLines();
    assertThat(lines).hasSize(1);
    JsonNode primed = lines.get(0);
    assertThat(primed.path("event").asText()).isEqualTo("snapstart.primed");
    assertThat(primed.path("outcome").asText()).isEqualTo("ok");
    // routing, scope policy, the store's read and the error shape; the catalogue's JSON view
    assertThat(primed.path("primed").path("GET /v1/scans/{id}").asInt()).isEqualTo(404);
    assertThat(primed.path("primed").path("GET /v1/rules").asInt()).isEqualTo(200);
    assertThat(primed.path("primed").path("queue_read").asText()).isEqualTo("ok");
    assertThat(primed.path("primed").path("report_read").asText()).isEqualTo("ok");
    assertThat(embedded.ports().queue().depth().visible()).isZero();
  }

  @Test
  void afterRestoreTheSampleRequestIsServedAndLoggedAsTheColdStart() throws Exception {
    snapshot.checkpoint();
    snapshot.restore();

    APIGatewayV2HTTPResponse response =
        handler.handleRequest(
            SampleEvents.read("api/get-scan.json", APIGatewayV2HTTPEvent.class),
            new LocalContext("api", Duration.ofSeconds(29)));

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.getBody()).path("scan_id").asText()).isEqualTo(SCAN);
    JsonNode start =
        embedded.printedLines().stream()
            .filter(l -> l.path("event").asText().equals("request.start"))
            .findFirst()
            .orElseThrow();
    assertThat(start.path("cold_start").asBoolean()).isTrue();
    assertThat(start.path("correlation_id").asText()).isEqualTo("req-ffbbdc8ff4db");
    assertThat(embedded.printed()).doesNotContain("snapstart-priming\"");
  }
}
