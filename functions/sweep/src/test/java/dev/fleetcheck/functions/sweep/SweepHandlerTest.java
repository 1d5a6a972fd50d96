package dev.fleetcheck.functions.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.model.RepoRef;
import dev.fleetcheck.functions.common.EmbeddedPorts;
import dev.fleetcheck.functions.common.LocalContext;
import dev.fleetcheck.functions.common.SampleEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepHandlerTest {

  private static final List<RepoRef> FLEET =
      List.of(
          new RepoRef("payments-api", "file:///fleet/payments-api", "payments", "main"),
          new RepoRef("legacy-scripts", "file:///fleet/legacy-scripts", "", ""),
          new RepoRef("web", "file:///fleet/web", "web", "main"));

  @TempDir Path dir;
  private EmbeddedPorts embedded;
  private SweepHandler handler;

  @BeforeEach
  void open() {
    embedded =
        new EmbeddedPorts(
            dir, Clock.fixed(Instant.parse("2026-12-07T03:00:02Z"), ZoneOffset.UTC), 3);
    handler = new SweepHandler(embedded.function("sweep"), () -> () -> FLEET);
  }

  @AfterEach
  void close() {
    embedded.close();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> schedule() {
    return SampleEvents.read("sweep/schedule.json", Map.class);
  }

  private Map<String, Object> invoke(Map<String, Object> event) {
    return handler.handleRequest(event, new LocalContext("sweep", Duration.ofMinutes(15)));
  }

  @Test
  void theSampleScheduleEventStartsTheSweepItsScheduledTimeNamesWithOneJobPerRepository() {
    Map<String, Object> response = invoke(schedule());

    assertThat(response)
        .containsEntry("sweep_id", "sw-20261207T030000Z")
        .containsEntry("resumed", false)
        .containsEntry("expected", 3)
        .containsEntry("jobs_sent", 3);
    assertThat(embedded.ports().queue().receive(10)).hasSize(3);
    assertThat(embedded.printed())
        .contains("\"event\":\"sweep.started\"")
        .contains("\"correlation_id\":\"0c2a7b7e-5f41-4d63-9d7a-2b1c8f3e6a90\"")
        .contains("\"event\":\"dependency.call\"")
        .contains("\"JobsEnqueued\":3");
  }

  @Test
  void aRetriedScheduleResumesTheSameSweepInsteadOfStartingAnother() {
    invoke(schedule());
    Map<String, Object> retried = invoke(schedule());

    assertThat(retried)
        .containsEntry("sweep_id", "sw-20261207T030000Z")
        .containsEntry("resumed", true);
    assertThat(
            embedded
                .ports()
                .results()
                .sweeps(dev.fleetcheck.core.port.PageRequest.first(10))
                .items())
        .hasSize(1);
  }

  @Test
  void theStreamEntryLambdaCallsReadsTheScheduleAndAnswersTheSweepAsJson() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    handler.handleRequest(
        new ByteArrayInputStream(
            SampleEvents.text("sweep/schedule.json").getBytes(StandardCharsets.UTF_8)),
        out,
        new LocalContext("sweep", Duration.ofMinutes(15)));

    assertThat(new ObjectMapper().readTree(out.toByteArray()))
        .isEqualTo(
            new ObjectMapper()
                .readTree(
                    "{\"sweep_id\":\"sw-20261207T030000Z\",\"resumed\":false,"
                        + "\"expected\":3,\"jobs_sent\":3}"));
    assertThat(embedded.printed())
        .contains("\"correlation_id\":\"0c2a7b7e-5f41-4d63-9d7a-2b1c8f3e6a90\"");
  }

  @Test
  void aNullEventThroughTheStreamEntryFailsWithEventMalformed() {
    assertThatThrownBy(
            () ->
                handler.handleRequest(
                    new ByteArrayInputStream("null".getBytes(StandardCharsets.UTF_8)),
                    new ByteArrayOutputStream(),
                    new LocalContext("sweep", Duration.ofMinutes(15))))
        .isInstanceOfSatisfying(
            FleetcheckException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.EVENT_MALFORMED));
  }

  @Test
  void aManualInvokeWithAnIdStartsThatSweep() {
    Map<String, Object> response = invoke(Map.of("sweep_id", "manual-1"));

    assertThat(response).containsEntry("sweep_id", "manual-1").containsEntry("jobs_sent", 3);
  }

  @Test
  void anEventThatNamesNoSweepFailsWithEventMalformedAndLogsItsErrorCode() {
    assertThatThrownBy(() -> invoke(Map.of("source", "elsewhere")))
        .isInstanceOf(FleetcheckException.class)
        .extracting(e -> ((FleetcheckException) e).errorCode())
        .isEqualTo(ErrorCode.EVENT_MALFORMED);
    assertThat(embedded.printed())
        .contains("\"event\":\"invocation.failed\"")
        .contains("\"error_code\":\"event_malformed\"");
    assertThat(embedded.ports().queue().receive(10)).isEmpty();
  }
}
