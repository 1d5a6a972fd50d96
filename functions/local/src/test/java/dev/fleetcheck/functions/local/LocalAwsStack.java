package dev.fleetcheck.functions.local;

import dev.fleetcheck.aws.AwsClients;
import dev.fleetcheck.aws.AwsSettings;
import dev.fleetcheck.aws.dynamo.TableDefinition;
import dev.fleetcheck.aws.sqs.QueueDefinition;
import dev.fleetcheck.aws.sqs.SqsQueues;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A deployment's resources on a local endpoint under fresh names (table, bucket, scan queue with
 * its dead-letter queue and redrive policy, cursor-key secret), a fleet of temporary git
 * repositories, the variables template.yaml would give the functions, and the log they printed.
 */
final class LocalAwsStack implements AutoCloseable {

  /** template.yaml's visibility timeout: nothing reappears unless the event source says so. */
  private static final Duration VISIBILITY = Duration.ofSeconds(1800);

  final AwsClients clients;
  final SqsQueues queues;
  final TestFleet fleet;
  final Map<String, String> env = new HashMap<>();
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  final PrintStream log = new PrintStream(printed, true, StandardCharsets.UTF_8);

  LocalAwsStack(AwsSettings settings, Path dir, int maxReceives) throws Exception {
    clients = new AwsClients(settings);
    String name = "fleetcheck-" + UUID.randomUUID().toString().substring(0, 8);
    TableDefinition.create(clients.dynamoDb(), name);
    clients.s3().createBucket(b -> b.bucket(name));
    queues = QueueDefinition.create(clients.sqs(), name + "-scan-jobs", maxReceives, VISIBILITY);
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    String cursorKeyArn =
        clients
            .secretsManager()
            .createSecret(
                b ->
                    b.name(name + "/cursor-key")
                        .secretString(Base64.getEncoder().encodeToString(key)))
            .arn();
    fleet = new TestFleet(dir);
    env.put("FLEETCHECK_AWS_ENDPOINT", settings.endpoint().orElseThrow().toString());
    env.put("AWS_REGION", settings.region());
    env.put("FLEETCHECK_TABLE", name);
    env.put("FLEETCHECK_BUCKET", name);
    env.put("FLEETCHECK_QUEUE_URL", queues.queueUrl());
    env.put("FLEETCHECK_DLQ_URL", queues.deadLetterUrl());
    env.put("FLEETCHECK_MAX_RECEIVES", Integer.toString(maxReceives));
    env.put("FLEETCHECK_CURSOR_KEY_SECRET_ARN", cursorKeyArn);
    env.put("FLEETCHECK_INVENTORY", fleet.inventory.toString());
    env.put("FLEETCHECK_ALLOW_FILE_URLS", "true");
    env.put("FLEETCHECK_SCAN_TIMEOUT_SECONDS", "60");
  }

  /** SQS's approximate count of the queue's messages, visible and in flight. */
  int messages(String queueUrl) {
    Map<QueueAttributeName, String> attributes =
        clients
            .sqs()
            .getQueueAttributes(
                b ->
                    b.queueUrl(queueUrl)
                        .attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
            .attributes();
    return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
        + Integer.parseInt(
            attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }

  /** Every line the functions printed so far. */
  String printed() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    clients.close();
  }
}
