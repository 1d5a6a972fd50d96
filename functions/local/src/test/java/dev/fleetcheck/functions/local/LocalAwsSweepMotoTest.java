package dev.fleetcheck.functions.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetcheck.aws.AwsSettings;
import dev.fleetcheck.aws.MotoServer;
import dev.fleetcheck.cli.sweep.FleetTableFormat;
import dev.fleetcheck.core.fleet.FleetRow;
import dev.fleetcheck.functions.api.ApiHandler;
import dev.fleetcheck.functions.common.SampleEvents;
import dev.fleetcheck.functions.worker.WorkerHandler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9's acceptance on moto_server: the three functions in this process over DynamoDB, S3, SQS
 * (with its redrive policy) and Secrets Manager on one local endpoint, the queue feeding the worker
 * through {@link EventSourceMapping} as Lambda's event source would. Fixture repositories are
 * temporary git repositories cloned over file://.
 */
@Tag("integration")
@ExtendWith(MotoServer.class)
class LocalAwsSweepMotoTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SWEEP = "sw-20261207T030000Z";
  private static AwsSettings settings;

  @TempDir Path dir;
  private LocalAwsStack stack;
  private LocalAwsFunctions functions;

  @BeforeAll
  static void endpoint(AwsSettings moto) {
    settings = moto;
  }

  private void open(int maxReceives, List<String> good, List<String> empty) throws Exception {
    stack = new LocalAwsStack(settings, dir, maxReceives);
    for (String name : good) {
      stack.fleet.repository(name);
    }
    for (String name : empty) {
      stack.fleet.emptyRepository(name);
    }
    List<String> all = new ArrayList<>(good);
    all.addAll(empty);
    stack.fleet.inventory(all);
    functions = new LocalAwsFunctions(stack.env, stack.log, dir.resolve("work"));
  }

  @AfterEach
  void close() {
    if (functions != null) {
      functions.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> schedule() {
    return functions
        .sweep()
        .handleRequest(
            SampleEvents.read("sweep/schedule.json", Map.class),
            LocalAwsFunctions.context("sweep"));
  }

  @Test
  void aScheduleEventFansOutThroughSqsAndTheApiServesEveryResult() throws Exception {
    open(3, List.of("billing", "payments-api", "web"), List.of());

    Map<String, Object> started = schedule();

    assertThat(started).containsEntry("sweep_id", SWEEP).containsEntry("jobs_sent", 3);
    assertThat(stack.messages(stack.queues.queueUrl())).isEqualTo(3);

    EventSourceMapping.Drain drain =
        functions.workerMapping(LocalAwsFunctions.WORKER_BATCH_SIZE, false).drain(20);

    assertThat(drain.rounds()).hasSize(2); // batches of two, as template.yaml's BatchSize
    assertThat(drain.rounds()).allSatisfy(r -> assertThat(r.failed()).isEmpty());
    assertThat(stack.messages(stack.queues.queueUrl())).isZero();
    assertThat(stack.messages(stack.queues.deadLetterUrl())).isZero();

    ApiHandler api = functions.api();
    JsonNode repos = get(api, "GET /v1/repos", "/v1/repos", Map.of(), Map.of());
    assertThat(texts(repos.get("items"), "repository"))
        .containsExactlyInAnyOrder("billing", "payments-api", "web");
    assertThat(texts(repos.get("items"), "status")).containsOnly("succeeded");
    assertThat(texts(repos.get("items"), "sweep_id")).containsOnly(SWEEP);
    JsonNode sweep =
        get(api, "GET /v1/sweeps/{id}", "/v1/sweeps/" + SWEEP, Map.of("id", SWEEP), Map.of());
    assertThat(sweep.get("expected").asInt()).isEqualTo(3);
    assertThat(sweep.get("done").asInt()).isEqualTo(3);
    assertThat(sweep.get("failed").asInt()).isZero();
    assertThat(sweep.get("complete").asBoolean()).isTrue();
    String scanId = repos.get("items").get(0).get("scan_id").asText();
    JsonNode scan =
        get(api, "GET /v1/scans/{id}", "/v1/scans/" + scanId, Map.of("id", scanId), Map.of());
    assertThat(scan.toString()).contains(scanId);
    assertThat(stack.printed())
        .contains("\"correlation_id\":\"0c2a7b7e-5f41-4d63-9d7a-2b1c8f3e6a90\"")
        .contains("\"dependency\":\"git\"")
        .contains("\"QueueAge\"");
  }

  @Test
  void aMessageDeliveredAgainAfterItsWorkWasDoneYieldsOneResultAndOneCount() throws Exception {
    open(3, List.of("billing", "payments-api"), List.of());
    schedule();
    WorkerHandler worker = functions.worker();
    List<SQSEvent.SQSMessage> seen = new ArrayList<>();
    AtomicBoolean first = new AtomicBoolean(true);

    // The first invocation does its work, then fails (say it timed out before answering): Lambda
    // fails the whole batch, so the message is delivered again although its scan is stored.
    EventSourceMapping.Drain drain =
        functions
            .mapping(
                1,
                true,
                event -> {
                  seen.addAll(event.getRecords());
                  SQSBatchResponse response =
                      worker.handleRequest(event, LocalAwsFunctions.context("worker"));
                  if (first.getAndSet(false)) {
                    throw new IllegalStateException("the invocation ended before it answered");
                  }
                  return response;
                })
            .drain(20);

    String redelivered = drain.rounds().get(0).delivered().get(0);
    assertThat(drain.deliveries()).isEqualTo(3);
    assertThat(seen)
        .filteredOn(m -> m.getMessageId().equals(redelivered))
        .extracting(m -> m.getAttributes().get("ApproximateReceiveCount"))
        .containsExactly("1", "2");
    ApiHandler api = functions.api();
    JsonNode sweep =
        get(api, "GET /v1/sweeps/{id}", "/v1/sweeps/" + SWEEP, Map.of("id", SWEEP), Map.of());
    assertThat(sweep.get("done").asInt()).isEqualTo(2);
    assertThat(sweep.get("complete").asBoolean()).isTrue();
    for (String repo : List.of("billing", "payments-api")) {
      JsonNode history =
          get(
              api,
              "GET /v1/repos/{repo}/scans",
              "/v1/repos/" + repo + "/scans",
              Map.of("repo", repo),
              Map.of());
      assertThat(history.get("items")).hasSize(1);
    }
    assertThat(stack.messages(stack.queues.queueUrl())).isZero();
  }

  @Test
  void aPoisonMessageEndsInTheDeadLetterQueueWithItsReasonAndItsBatchMatesSucceed()
      throws Exception {
    open(2, List.of("billing", "payments-api", "web"), List.of("never-committed"));
    schedule();
    String malformed =
        stack
            .clients
            .sqs()
            .sendMessage(b -> b.queueUrl(stack.queues.queueUrl()).messageBody("{not a scan job"))
            .messageId();
    WorkerHandler worker = functions.worker();
    Map<String, String> bodies = new HashMap<>();
    EventSourceMapping mapping =
        functions.mapping(
            10,
            true,
            event -> {
              event.getRecords().forEach(m -> bodies.put(m.getMessageId(), m.getBody()));
              return worker.handleRequest(event, LocalAwsFunctions.context("worker"));
            });

    EventSourceMapping.Round firstBatch = mapping.pollOnce();

    String emptyRepoJob =
        bodies.entrySet().stream()
            .filter(e -> e.getValue().contains("never-committed"))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElseThrow();
    assertThat(firstBatch.delivered()).hasSize(5);
    // Exactly the two poison messages are reported; their three batch-mates are deleted.
    assertThat(firstBatch.failed()).containsExactlyInAnyOrder(emptyRepoJob, malformed);

    EventSourceMapping.Drain rest = mapping.drain(20);

    assertThat(rest.rounds())
        .allSatisfy(r -> assertThat(r.failed()).containsExactlyElementsOf(r.delivered()));
    assertThat(rest.deliveries()).isEqualTo(2); // the second and last receive of each poison
    assertThat(stack.messages(stack.queues.queueUrl())).isZero();
    assertThat(stack.messages(stack.queues.deadLetterUrl())).isEqualTo(2);

    // The repository's reason is on its scan record and in the sweep's progress ...
    ApiHandler api = functions.api();
    JsonNode sweep =
        get(api, "GET /v1/sweeps/{id}", "/v1/sweeps/" + SWEEP, Map.of("id", SWEEP), Map.of());
    assertThat(sweep.get("done").asInt()).isEqualTo(3);
    assertThat(sweep.get("failed").asInt()).isEqualTo(1);
    assertThat(sweep.get("complete").asBoolean()).isTrue();
    assertThat(sweep.get("failures")).hasSize(1);
    assertThat(sweep.get("failures").get(0).get("repository").asText())
        .isEqualTo("never-committed");
    assertThat(sweep.get("failures").get(0).get("error_code").asText()).isEqualTo("clone_failed");
    JsonNode history =
        get(
            api,
            "GET /v1/repos/{repo}/scans",
            "/v1/repos/never-committed/scans",
            Map.of("repo", "never-committed"),
            Map.of());
    assertThat(history.get("items").get(0).get("status").asText()).isEqualTo("failed");
    assertThat(history.get("items").get(0).get("error_code").asText()).isEqualTo("clone_failed");
    // ... and both reasons are in the log, the malformed body's by its message ID.
    assertThat(stack.printed())
        .containsPattern("\"event\":\"scan.failed\"[^\\n]*\"error_code\":\"clone_failed\"")
        .containsPattern("\"event\":\"job.malformed\"[^\\n]*" + malformed);
    // Counting the sweep's dead letters adds nothing: the repository's failure is recorded once.
    assertThat(functions.sweepRuntime().fleet().sweepCompletion().settle(SWEEP).failed())
        .isEqualTo(1);
  }

  @Test
  void aCursorIssuedByOneApiInstanceOpensOnAnother() throws Exception {
    open(3, List.of("billing", "payments-api", "web"), List.of());
    schedule();
    functions.workerMapping(LocalAwsFunctions.WORKER_BATCH_SIZE, false).drain(20);

    JsonNode firstPage =
        get(functions.api(), "GET /v1/repos", "/v1/repos", Map.of(), Map.of("limit", "1"));
    String cursor = firstPage.get("next_cursor").asText();
    JsonNode secondPage =
        get(
            functions.api(),
            "GET /v1/repos",
            "/v1/repos",
            Map.of(),
            Map.of("limit", "1", "cursor", cursor));

    assertThat(secondPage.get("items")).hasSize(1);
    assertThat(secondPage.get("items").get(0).get("repository").asText())
        .isNotEqualTo(firstPage.get("items").get(0).get("repository").asText());
  }

  @Test
  void theLocalAwsSweepRunsAWholeSweepAndPrintsTheFleetTable() throws Exception {
    open(2, List.of("billing", "web"), List.of("never-committed"));
    Clock clock = Clock.fixed(Instant.parse("2026-12-08T10:15:30.250Z"), ZoneOffset.UTC);

    LocalAwsSweep.Outcome outcome = new LocalAwsSweep(stack.env, stack.log, clock).run();

    assertThat(outcome.sweepId()).isEqualTo("sw-20261208T101530Z");
    assertThat(outcome.progress().done()).isEqualTo(2);
    assertThat(outcome.progress().failed()).isEqualTo(1);
    assertThat(outcome.progress().complete()).isTrue();
    assertThat(outcome.table().rows())
        .extracting(FleetRow::repository, FleetRow::state)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("billing", FleetRow.State.SCANNED),
            org.assertj.core.groups.Tuple.tuple("web", FleetRow.State.SCANNED),
            org.assertj.core.groups.Tuple.tuple("never-committed", FleetRow.State.FAILED));
    assertThat(outcome.exitCode()).isEqualTo(1);
    assertThat(FleetTableFormat.TEXT.render(outcome.table()))
        .contains("billing")
        .contains("never-committed")
        .contains("clone_failed");
    assertThat(stack.messages(stack.queues.queueUrl())).isZero();
    assertThat(stack.messages(stack.queues.deadLetterUrl())).isEqualTo(1);
  }

  private static JsonNode get(
      ApiHandler api,
      String routeKey,
      String path,
      Map<String, String> pathParameters,
      Map<String, String> query)
      throws Exception {
    APIGatewayV2HTTPEvent event =
        SampleEvents.read("api/list-repos.json", APIGatewayV2HTTPEvent.class);
    event.setRouteKey(routeKey);
    event.setRawPath(path);
    event.getRequestContext().setRouteKey(routeKey);
    event.getRequestContext().getHttp().setPath(path);
    event.setPathParameters(pathParameters);
    event.setQueryStringParameters(query);
    event.setRawQueryString("");
    APIGatewayV2HTTPResponse response = api.handleRequest(event, LocalAwsFunctions.context("api"));
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    return JSON.readTree(response.getBody());
  }

  private static List<String> texts(JsonNode items, String field) {
    return StreamSupport.stream(items.spliterator(), false)
        .map(item -> item.get(field).asText())
        .toList();
  }
}
