package dev.fleetcheck.functions.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapStartPrimingTest {

  @TempDir Path dir;
  private EmbeddedPorts embedded;
  private FunctionRuntime runtime;
  private final CheckpointContext snapshot = new CheckpointContext();

  @BeforeEach
  void open() {
    embedded = new EmbeddedPorts(dir, Clock.systemUTC(), 3);
    runtime = embedded.function("api");
  }

  @AfterEach
  void close() {
    embedded.close();
  }

  private void invokeOnce(String correlationId) {
    Invocations.run(
        runtime,
        new LocalContext("api", Duration.ofSeconds(29)),
        correlationId,
        () -> {
          runtime.log().info("request.end", Map.of());
          runtime.metrics().count("Requests", Map.of());
          return "ok";
        });
  }

  private Map<String, ?> primeOnce() {
    invokeOnce("priming");
    return Map.of();
  }

  @Test
  void registeringHandsTheResourceToTheContext() {
    SnapStartPriming priming = SnapStartPriming.register(snapshot, runtime, Map::of);

    assertThat(snapshot.registered()).containsExactly(priming);
  }

  @Test
  void theCheckpointRunsThePrimerWithItsLogLinesAndMetricsDroppedAndSaysSoOnce() throws Exception {
    List<String> ran = new ArrayList<>();
    SnapStartPriming.register(
        snapshot,
        runtime,
        () -> {
          invokeOnce("priming");
          ran.add("primer");
          return Map.of("route", 200);
        });

    snapshot.checkpoint();

    assertThat(ran).containsExactly("primer");
    List<JsonNode> lines = embedded.printedLines();
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).path("event").asText()).isEqualTo("snapstart.primed");
    assertThat(lines.get(0).path("outcome").asText()).isEqualTo("ok");
    assertThat(lines.get(0).path("primed").path("route").asInt()).isEqualTo(200);
    assertThat(lines.get(0).path("aws_request_id").asText()).isEmpty();
  }

  @Test
  void aFailingPrimerIsLoggedWithItsErrorCodeAndDoesNotFailTheSnapshot() throws Exception {
    SnapStartPriming.register(
        snapshot,
        runtime,
        () -> {
          throw new FleetcheckException(ErrorCode.STORE_FAILED, "table missing");
        });

    snapshot.checkpoint();

    JsonNode primed = embedded.printedLines().get(0);
    assertThat(primed.path("event").asText()).isEqualTo("snapstart.primed");
    assertThat(primed.path("outcome").asText()).isEqualTo(ErrorCode.STORE_FAILED.code());
  }

  @Test
  void afterRestoreTheNextInvocationIsAColdStartAgainAndOnlyThatOne() throws Exception {
    Invocation.coldStartPending(false); // as after any earlier invocation in this JVM
    SnapStartPriming.register(snapshot, runtime, () -> primeOnce());
    snapshot.checkpoint();
    snapshot.restore();
    invokeOnce("first-after-restore");
    invokeOnce("second-after-restore");

    List<JsonNode> ends =
        embedded.printedLines().stream()
            .filter(l -> l.path("event").asText().equals("request.end"))
            .toList();
    assertThat(ends)
        .extracting(l -> l.path("correlation_id").asText() + "=" + l.path("cold_start").asBoolean())
        .containsExactly("first-after-restore=true", "second-after-restore=false");
    assertThat(embedded.printedLines())
        .anyMatch(l -> l.path("event").asText().equals("snapstart.restored"));
  }

  @Test
  void primingLeavesAPendingColdStartPending() throws Exception {
    Invocation.coldStartPending(true);
    SnapStartPriming.register(snapshot, runtime, () -> primeOnce());

    snapshot.checkpoint();

    assertThat(Invocation.coldStartPending()).isTrue();
    Invocation.coldStartPending(false);
  }
}
