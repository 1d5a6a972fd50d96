package dev.fleetcheck.functions.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.core.fleet.FleetRuntime;
import dev.fleetcheck.core.model.RepoRef;
import dev.fleetcheck.core.port.RepoInventory;
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
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep function's SnapStart hooks, driven as the JVM drives them at a snapshot and restore.
 */
class SweepPrimingTest {

  private static final List<RepoRef> FLEET =
      List.of(
          new RepoRef("payments-api", "file:///fleet/payments-api", "payments", "main"),
          new RepoRef("web", "file:///fleet/web", "web", "main"));

  @TempDir Path dir;
  private EmbeddedPorts embedded;
  private final RecordedCalls calls = new RecordedCalls();
  private final CheckpointContext snapshot = new CheckpointContext();
  private final AtomicInteger listings = new AtomicInteger();
  private SweepHandler handler;

  @BeforeEach
  void open() {
    embedded =
        new EmbeddedPorts(
            dir, Clock.fixed(Instant.parse("2026-12-07T03:00:02Z"), ZoneOffset.UTC), 3);
    FunctionRuntime runtime =
        FunctionRuntime.over(
            "sweep",
            calls.around(embedded.ports()),
            new FleetRuntime.Settings("test-pack"),
            embedded.out());
    // On AWS, getting the inventory is what fetches the GitHub token from Secrets Manager.
    RepoInventory fleet = () -> FLEET;
    handler =
        new SweepHandler(
            runtime,
            () -> {
              listings.incrementAndGet();
              return fleet;
            },
            snapshot);
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
  void theCheckpointOnlyReadsTheStoreAndTheQueueAndNeverTouchesTheInventoryOrItsToken()
      throws Exception {
    snapshot.checkpoint();

    assertThat(calls.calls()).containsExactly("results.sweep", "queue.depth");
    assertThat(listings).hasValue(0);
    assertThat(embedded.ports().results().sweep(SweepPriming.MISSING_SWEEP)).isEmpty();
    assertThat(embedded.ports().queue().depth().visible()).isZero();
    List<JsonNode> lines = embedded.printedLines();
    assertThat(lines).hasSize(1);
    JsonNode primed = lines.get(0);
    assertThat(primed.path("event").asText()).isEqualTo("snapstart.primed");
    assertThat(primed.path("primed").path("event").asText()).isEqualTo("ok");
    assertThat(primed.path("primed").path("sweep_read").asText()).isEqualTo("not_found");
    assertThat(primed.path("primed").path("queue_read").asText()).isEqualTo("ok");
    assertThat(primed.path("primed").path("job_message").asText()).isEqualTo("ok");
  }

  @Test
  @SuppressWarnings("unchecked")
  void afterRestoreTheScheduleEventStartsItsSweepAndIsLoggedAsTheColdStart() throws Exception {
    snapshot.checkpoint();
    snapshot.restore();

    Map<String, Object> response =
        handler.handleRequest(
            SampleEvents.read("sweep/schedule.json", Map.class),
            new LocalContext("sweep", Duration.ofMinutes(15)));

    assertThat(response).containsEntry("sweep_id", "sw-20261207T030000Z");
    assertThat(response).containsEntry("jobs_sent", 2);
    assertThat(listings).hasValue(1);
    JsonNode started =
        embedded.printedLines().stream()
            .filter(l -> l.path("event").asText().equals("sweep.started"))
            .findFirst()
            .orElseThrow();
    assertThat(started.path("cold_start").asBoolean()).isTrue();
  }
}
