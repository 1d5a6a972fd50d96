package dev.fleetcheck.functions.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetcheck.core.model.RepoRef;
import dev.fleetcheck.core.port.RepoInventory;
import dev.fleetcheck.functions.api.ApiHandler;
import dev.fleetcheck.functions.common.EmbeddedPorts;
import dev.fleetcheck.functions.common.LocalContext;
import dev.fleetcheck.functions.common.SampleEvents;
import dev.fleetcheck.functions.sweep.SweepHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SnapStart hooks of the api and sweep functions as the JVM runs them: each handler, built by a
 * constructor of its production wiring, registers its priming with org.crac's global context (here
 * the bench's stand-in, {@code crac/Core}, which this module's tests select as Lambda's JVM selects
 * its own), and org.crac's checkpoint runs {@code beforeCheckpoint}, then the restore runs {@code
 * afterRestore}. The handlers' own tests ({@code ApiPrimingTest}, {@code SweepPrimingTest}) drive
 * an injected context; these fail when a handler stops registering with the JVM's context, or lets
 * its priming be collected (org.crac holds resources weakly), and check that the sample event
 * served through the stream entry after the restore is the logged cold start.
 */
class SnapStartHooksTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void theApiPrimesItsReadRoutesAtTheCheckpointAndServesItsSampleAsTheColdStartAfterTheRestore()
      throws Exception {
    try (EmbeddedPorts embedded = new EmbeddedPorts(dir, Clock.systemUTC(), 3)) {
      ApiHandler handler = new ApiHandler(embedded.function("api"));
      collectGarbage();

      org.crac.Core.checkpointRestore();

      List<JsonNode> hooks = embedded.printedLines();
      assertThat(hooks)
          .extracting(l -> l.path("event").asText())
          .containsExactly("snapstart.primed", "snapstart.restored");
      JsonNode primed = hooks.get(0);
      assertThat(primed.path("outcome").asText()).isEqualTo("ok");
      assertThat(primed.path("primed").path("GET /v1/scans/{id}").asInt()).isEqualTo(404);
      assertThat(primed.path("primed").path("GET /v1/rules").asInt()).isEqualTo(200);
      assertThat(primed.path("primed").path("queue_read").asText()).isEqualTo("ok");

      JsonNode response = invoke(handler, "api/get-scan.json", "api");
      // the embedded store holds no scan: the sample's read answers 404 through the stream entry
      assertThat(response.path("statusCode").asInt()).isEqualTo(404);
      assertThat(firstLine(embedded, "request.start").path("cold_start").asBoolean()).isTrue();
    }
  }

  @Test
  void theSweepPrimesWithoutListingItsFleetAndStartsTheScheduledSweepAsTheColdStartAfterTheRestore()
      throws Exception {
    AtomicInteger listings = new AtomicInteger();
    RepoInventory fleet =
        () ->
            List.of(new RepoRef("payments-api", "file:///fleet/payments-api", "payments", "main"));
    try (EmbeddedPorts embedded =
        new EmbeddedPorts(
            dir, Clock.fixed(Instant.parse("2026-12-07T03:00:02Z"), ZoneOffset.UTC), 3)) {
      SweepHandler handler =
          new SweepHandler(
              embedded.function("sweep"),
              () -> {
                listings.incrementAndGet();
                return fleet;
              });
      collectGarbage();

      org.crac.Core.checkpointRestore();

      assertThat(listings).hasValue(0);
      List<JsonNode> hooks = embedded.printedLines();
      assertThat(hooks)
          .extracting(l -> l.path("event").asText())
          .containsExactly("snapstart.primed", "snapstart.restored");
      JsonNode primed = hooks.get(0);
      assertThat(primed.path("outcome").asText()).isEqualTo("ok");
      assertThat(primed.path("primed").path("sweep_read").asText()).isEqualTo("not_found");
      assertThat(primed.path("primed").path("queue_read").asText()).isEqualTo("ok");
      assertThat(embedded.ports().queue().depth().visible()).isZero();

      JsonNode response = invoke(handler, "sweep/schedule.json", "sweep");
      assertThat(response.path("sweep_id").asText()).isEqualTo("sw-20261207T030000Z");
      assertThat(response.path("jobs_sent").asInt()).isEqualTo(1);
      assertThat(listings).hasValue(1);
      assertThat(firstLine(embedded, "sweep.started").path("cold_start").asBoolean()).isTrue();
    }
  }

  /** The stream entry, as the Lambda runtime calls it, on a sample event. */
  private static JsonNode invoke(Object handler, String event, String function) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ((com.amazonaws.services.lambda.runtime.RequestStreamHandler) handler)
        .handleRequest(
            new ByteArrayInputStream(SampleEvents.text(event).getBytes(StandardCharsets.UTF_8)),
            out,
            new LocalContext(function, Duration.ofMinutes(1)));
    return JSON.readTree(out.toByteArray());
  }

  private static JsonNode firstLine(EmbeddedPorts embedded, String event) {
    return embedded.printedLines().stream()
        .filter(l -> l.path("event").asText().equals(event))
        .findFirst()
        .orElseThrow();
  }

  /** What org.crac holds only weakly is gone after this unless its owner holds it. */
  private static void collectGarbage() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(20);
    }
  }
}
