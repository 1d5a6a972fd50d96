package dev.fleetcheck.aws.scenarios;

import dev.fleetcheck.aws.AwsClients;
import dev.fleetcheck.aws.dynamo.DynamoFailureReasons;
import dev.fleetcheck.aws.dynamo.DynamoResultStore;
import dev.fleetcheck.aws.dynamo.TableDefinition;
import dev.fleetcheck.aws.s3.Encryption;
import dev.fleetcheck.aws.s3.S3ReportStore;
import dev.fleetcheck.aws.sqs.QueueDefinition;
import dev.fleetcheck.aws.sqs.SqsJobQueue;
import dev.fleetcheck.aws.sqs.SqsQueues;
import dev.fleetcheck.core.contract.FleetAdapters;
import dev.fleetcheck.core.port.JobQueue;
import dev.fleetcheck.core.port.ReportStore;
import dev.fleetcheck.core.port.ResultStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The AWS adapters under the scenario suites: a DynamoDB table, an S3 bucket and an SQS queue with
 * its dead-letter queue, fresh per scenario, on one endpoint; the queue follows the test clock
 * ({@link ClockDrivenQueue}). A restart builds new adapter objects over the same resources.
 */
final class AwsAdapters implements FleetAdapters {

  private static final byte[] CURSOR_KEY =
      "a cursor key of at least 32 bytes!".getBytes(StandardCharsets.UTF_8);

  private final AwsClients clients;
  private final String name;
  private final SqsQueues queues;
  private final Clock clock;
  private final ClockDrivenQueue.InFlight inFlight;
  private final DynamoResultStore results;
  private final S3ReportStore reports;
  private final JobQueue queue;

  private AwsAdapters(
      AwsClients clients,
      String name,
      SqsQueues queues,
      Clock clock,
      ClockDrivenQueue.InFlight inFlight) {
    this.clients = clients;
    this.name = name;
    this.queues = queues;
    this.clock = clock;
    this.inFlight = inFlight;
    var dynamo = clients.dynamoDb();
    var sqs = clients.sqs();
    this.results = new DynamoResultStore(dynamo, name, CURSOR_KEY);
    this.reports = new S3ReportStore(clients.s3(), name, new Encryption.Aes256());
    this.queue =
        new ClockDrivenQueue(
            new SqsJobQueue(
                sqs,
                queues,
                new DynamoFailureReasons(dynamo, name, clock),
                Optional::empty,
                CURSOR_KEY),
            sqs,
            queues.queueUrl(),
            clock,
            queues.visibilityTimeout(),
            inFlight);
  }

  /** A factory creating fresh resources on the endpoint of {@code clients} for each scenario. */
  static FleetAdapters.Factory on(AwsClients clients) {
    return (Path root, Clock clock, Duration visibility, int maxReceives) -> {
      String name = "scenario-" + UUID.randomUUID().toString().substring(0, 8);
      TableDefinition.create(clients.dynamoDb(), name);
      clients.s3().createBucket(b -> b.bucket(name));
      SqsQueues queues = QueueDefinition.create(clients.sqs(), name, maxReceives, visibility);
      return new AwsAdapters(clients, name, queues, clock, new ClockDrivenQueue.InFlight());
    };
  }

  @Override
  public ResultStore results() {
    return results;
  }

  @Override
  public ReportStore reports() {
    return reports;
  }

  @Override
  public JobQueue queue() {
    return queue;
  }

  @Override
  public FleetAdapters restart() {
    return new AwsAdapters(clients, name, queues, clock, inFlight);
  }

  @Override
  public long reportCount() {
    return clients.s3().listObjectsV2Paginator(b -> b.bucket(name)).contents().stream().count();
  }

  @Override
  public void close() {
    // The resources stay on the emulator, under names no other scenario uses.
  }
}
