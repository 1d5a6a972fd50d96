package dev.fleetcheck.functions.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetcheck.core.fleet.StartSweep;
import dev.fleetcheck.core.fleet.SweepTrigger;
import dev.fleetcheck.core.model.LatestFilter;
import dev.fleetcheck.core.model.RepoRef;
import dev.fleetcheck.core.model.ScanRecord;
import dev.fleetcheck.core.port.PageRequest;
import dev.fleetcheck.core.port.RepoFetcher;
import dev.fleetcheck.functions.common.EmbeddedPorts;
import dev.fleetcheck.functions.common.LocalContext;
import dev.fleetcheck.functions.common.SampleEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerHandlerTest {

  private static final Duration SCAN_TIMEOUT = Duration.ofSeconds(60);

  @TempDir Path dir;
  private EmbeddedPorts embedded;
  private Path fleet;
  private Path work;
  private WorkerHandler handler;

  @BeforeEach
  void open() throws Exception {
    fleet = Files.createDirectories(dir.resolve("fleet"));
    work = dir.resolve("work");
    gitRepository("payments-api");
    embedded = new EmbeddedPorts(dir.resolve("data"), Clock.systemUTC(), 3);
    // The sample event names github.com; here each name clones from the local fleet instead.
    RepoFetcher jgit = WorkerWiring.jgit(work, SCAN_TIMEOUT, Optional::empty, true);
    RepoFetcher local =
        repo ->
            jgit.fetch(
                new RepoRef(
                    repo.name(),
                    fleet.resolve(repo.name()).toUri().toString(),
                    repo.team(),
                    repo.defaultBranch()));
    handler =
        new WorkerHandler(
            new WorkerWiring(embedded.ports(), embedded.out(), work, SCAN_TIMEOUT, local));
    // The sweep of the sample messages exists, as the sweep function would have made it.
    new StartSweep(
            () -> List.of(),
            embedded.ports().queue(),
            embedded.ports().results(),
            embedded.ports().clock(),
            "test-pack")
        .call(new SweepTrigger.Named("sw-20261207T030000Z"));
  }

  @AfterEach
  void close() {
    embedded.close();
  }

  private void gitRepository(String name) throws Exception {
    Path repo = Files.createDirectories(fleet.resolve(name));
    Files.writeString(repo.resolve("pyproject.toml"), "[project]\nname = \"" + name + "\"\n");
    Files.writeString(repo.resolve("app.py"), "print('hello')\n");
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("init").setAuthor("t", "t@example.com").setSign(false).call();
    }
  }

  private static SQSEvent sample() {
    return SampleEvents.read("worker/sqs-batch.json", SQSEvent.class);
  }

  private SQSBatchResponse invoke(SQSEvent event, Duration remaining) {
    return handler.handleRequest(event, new LocalContext("worker", remaining));
  }

  private static List<String> failedIds(SQSBatchResponse response) {
    return response.getBatchItemFailures().stream()
        .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .toList();
  }

  private List<ScanRecord> latest() {
    return embedded.ports().results().latest(LatestFilter.all(), PageRequest.first(50)).items();
  }

  @Test
  void theSampleBatchScansTheRepositoryThatExistsAndRecordsTheMissingOneWithoutRedelivery() {
    SQSBatchResponse response = invoke(sample(), Duration.ofMinutes(5));

    // legacy-scripts has no repository: repo_not_found cannot succeed on retry, so it is recorded
    // and its message deleted, not failed.
    assertThat(failedIds(response)).isEmpty();
    assertThat(latest())
        .extracting(ScanRecord::repository, ScanRecord::succeeded)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("payments-api", true));
    assertThat(
            embedded
                .ports()
                .results()
                .failedEntries("sw-20261207T030000Z", PageRequest.first(10))
                .items())
        .extracting(e -> e.repository(), e -> e.errorCode().orElseThrow().code())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("legacy-scripts", "repo_not_found"));
    assertThat(embedded.ports().results().progress("sw-20261207T030000Z"))
        .satisfies(p -> assertThat(p.done()).isEqualTo(1))
        .satisfies(p -> assertThat(p.failed()).isEqualTo(1));
    assertThat(embedded.printed())
        .contains("\"dependency\":\"git\"")
        .contains("\"CloneDuration\"")
        .contains("\"QueueAge\"")
        .contains("\"error_code\":\"repo_not_found\"")
        .contains("\"correlation_id\":\"c-sw-20261207T030000Z\"");
  }

  @Test
  void aLocalRepositoryIsClonedWithoutAskingForTheGitHubToken() throws Exception {
    RepoFetcher jgit =
        WorkerWiring.jgit(
            work,
            SCAN_TIMEOUT,
            () -> {
              throw new IllegalStateException("the secret has no value yet");
            },
            true);

    try (var fetched =
        jgit.fetch(
            new RepoRef(
                "payments-api", fleet.resolve("payments-api").toUri().toString(), "", "main"))) {
      assertThat(fetched.directory().resolve("pyproject.toml")).exists();
    }
  }

  @Test
  void theStreamEntryLambdaCallsReadsTheBatchAndAnswersThePartialBatchResponse() throws Exception {
    String batch =
        SampleEvents.text("worker/sqs-batch.json")
            .replace(
                "\"body\": \"{\\\"version\\\":1,\\\"job_id\\\":\\\"sw-20261207T030000Z/legacy",
                "\"body\": \"{not json legacy");
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    handler.handleRequest(
        new ByteArrayInputStream(batch.getBytes(StandardCharsets.UTF_8)),
        out,
        new LocalContext("worker", Duration.ofMinutes(5)));

    assertThat(new ObjectMapper().readTree(out.toByteArray()))
        .isEqualTo(
            new ObjectMapper()
                .readTree(
                    "{\"batchItemFailures\":[{\"itemIdentifier\":"
                        + "\"2e1424d4-f796-459a-8184-9c92662be6da\"}]}"));
    assertThat(latest()).extracting(ScanRecord::repository).containsExactly("payments-api");
  }

  @Test
  void aMalformedBodyFailsOnlyItsOwnMessage() throws Exception {
    SQSEvent event = sample();
    event.getRecords().get(1).setBody("{not json");

    SQSBatchResponse response = invoke(event, Duration.ofMinutes(5));

    assertThat(failedIds(response)).containsExactly("2e1424d4-f796-459a-8184-9c92662be6da");
    assertThat(latest()).extracting(ScanRecord::repository).containsExactly("payments-api");
    assertThat(embedded.printed()).contains("\"error_code\":\"event_malformed\"");
  }

  @Test
  void whenTheRemainingTimeCannotCoverAScanNoJobStartsAndEveryMessageIsLeftForRedelivery() {
    SQSBatchResponse response = invoke(sample(), SCAN_TIMEOUT);

    assertThat(failedIds(response))
        .containsExactly(
            "059f36b4-87a3-44ab-83d2-661975830a7d", "2e1424d4-f796-459a-8184-9c92662be6da");
    assertThat(latest()).isEmpty();
  }

  @Test
  void theWorkFolderIsEmptyAfterAnInvocationEvenWithLeftoversFromAnEarlierOne() throws Exception {
    Files.createDirectories(work.resolve("crashed-clone"));
    Files.writeString(work.resolve("crashed-clone/file"), "left behind");

    invoke(sample(), Duration.ofMinutes(5));

    try (var left = Files.list(work)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void anEmptyBatchAnswersNoFailures() {
    assertThat(failedIds(invoke(new SQSEvent(), Duration.ofMinutes(5)))).isEmpty();
    assertThat(
            new ObjectMapper()
                .valueToTree(invoke(new SQSEvent(), Duration.ofMinutes(5)))
                .toString())
        .contains("batchItemFailures");
  }
}
