package dev.fleetcheck.functions.common;

import dev.fleetcheck.aws.AwsClients;
import dev.fleetcheck.aws.dynamo.DynamoFailureReasons;
import dev.fleetcheck.aws.dynamo.DynamoResultStore;
import dev.fleetcheck.aws.s3.Encryption;
import dev.fleetcheck.aws.s3.S3ReportStore;
import dev.fleetcheck.aws.sqs.SqsJobQueue;
import dev.fleetcheck.aws.sqs.SqsQueues;
import dev.fleetcheck.core.fleet.FleetPorts;
import dev.fleetcheck.core.port.FailureLog;
import dev.fleetcheck.core.port.JobQueue;
import dev.fleetcheck.core.port.ReportStore;
import dev.fleetcheck.core.report.JsonReportCodec;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The AWS adapters (DynamoDB, S3, SQS) a function's environment names, as fleet ports. */
public final class AwsFleetPorts {

  /** template.yaml's visibility timeout of the scan queue. */
  private static final Duration VISIBILITY = Duration.ofSeconds(1800);

  /** When the queue's SDK client is built. */
  public enum QueueClient {
    /** On the first call to the queue: functions whose invocations mostly never send (the API). */
    ON_FIRST_USE,
    /**
     * Started at once on a thread of its own, beside the rest of init, and waited for on the first
     * call: a function whose every invocation sends (the sweep), ADR 0032.
     */
    BESIDE_INIT
  }

  private AwsFleetPorts() {}

  /**
   * @param correlationId the current invocation's correlation ID, carried on every job sent
   */
  public static FleetPorts open(FunctionEnvironment env, Supplier<Optional<String>> correlationId) {
    return open(env, correlationId, QueueClient.ON_FIRST_USE);
  }

  /** As {@link #open(FunctionEnvironment, Supplier)}, building the queue's client {@code when}. */
  public static FleetPorts open(
      FunctionEnvironment env, Supplier<Optional<String>> correlationId, QueueClient when) {
    Clock clock = Clock.systemUTC();
    AwsClients clients = new AwsClients(env.aws());
    // The DynamoDB client first: built while the HTTP client's TLS context is still being set up,
    // which the cursor key's secret read (a first request) would otherwise wait for (ADR 0032).
    DynamoDbClient dynamo = clients.dynamoDb();
    byte[] cursorKey = CursorKeys.resolve(env, clients::secretsManager);
    ReportStore reports =
        env.bucket()
            .map(
                b ->
                    Lazily.port(
                        ReportStore.class,
                        () -> new S3ReportStore(clients.s3(), b, new Encryption.Aes256())))
            .orElseGet(() -> Unconfigured.port(ReportStore.class, FunctionEnvironment.BUCKET));
    JobQueue queue =
        env.queueUrl()
            .map(
                url -> {
                  // Checked now: a deployment without its DLQ fails at init, not on a first send.
                  SqsQueues queues =
                      new SqsQueues(
                          url,
                          FunctionEnvironment.require(
                              env.deadLetterUrl(), FunctionEnvironment.DEAD_LETTER_URL),
                          env.maxReceives(),
                          VISIBILITY);
                  Supplier<SqsClient> sqs =
                      when == QueueClient.BESIDE_INIT
                          ? InitTask.start("sqs", clients::sqs)
                          : clients::sqs;
                  return Lazily.port(
                      JobQueue.class,
                      () ->
                          new SqsJobQueue(
                              sqs.get(),
                              queues,
                              new DynamoFailureReasons(dynamo, env.table(), clock),
                              correlationId,
                              cursorKey));
                })
            .orElseGet(() -> new EventSourceQueue(env.maxReceives()));
    return new FleetPorts(
        new DynamoResultStore(dynamo, env.table(), cursorKey),
        reports,
        new JsonReportCodec(),
        queue,
        clock,
        FailureLog.NONE);
  }
}
