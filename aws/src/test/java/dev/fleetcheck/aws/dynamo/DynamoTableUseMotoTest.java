package dev.fleetcheck.aws.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.aws.AwsSettings;
import dev.fleetcheck.aws.MotoServer;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.model.FailingRule;
import dev.fleetcheck.core.model.FirstSeen;
import dev.fleetcheck.core.model.IdempotencyClaim;
import dev.fleetcheck.core.model.LatestFilter;
import dev.fleetcheck.core.model.Level;
import dev.fleetcheck.core.model.ScanOutcome;
import dev.fleetcheck.core.model.ScanRecord;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.model.Sweep;
import dev.fleetcheck.core.model.SweepEntry;
import dev.fleetcheck.core.port.PageRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** How the store uses the table: which operations, TTL on idempotency keys, progress shards. */
@Tag("integration")
@ExtendWith(MotoServer.class)
class DynamoTableUseMotoTest {

  private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");

  private final Set<String> operations = new ConcurrentSkipListSet<>();
  private DynamoDbClient dynamoDb;
  private String table;
  private DynamoResultStore store;

  @BeforeEach
  void open(AwsSettings settings) {
    ExecutionInterceptor recorder =
        new ExecutionInterceptor() {
          @Override
          public void beforeExecution(
              Context.BeforeExecution context, ExecutionAttributes attributes) {
            operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
          }
        };
    dynamoDb =
        DynamoDbClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(Region.of(settings.region()))
            .endpointOverride(settings.endpoint().orElseThrow())
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .overrideConfiguration(c -> c.addExecutionInterceptor(recorder))
            .build();
    table = "fleetcheck-" + UUID.randomUUID();
    TableDefinition.create(dynamoDb, table);
    operations.clear();
    store =
        new DynamoResultStore(
            dynamoDb, table, "a cursor key of at least 32 bytes!".getBytes(StandardCharsets.UTF_8));
  }

  @AfterEach
  void close() {
    dynamoDb.close();
  }

  private static ScanRecord scan(String id, String repository, String... rules) {
    return new ScanRecord(
        id,
        repository,
        "core",
        "src",
        "c",
        "p",
        "sw-1",
        T0,
        new ScanOutcome.Succeeded(
            50.0, Map.of(Status.FAIL, rules.length), List.of(rules), "scans/" + id));
  }

  @Test
  void servesEveryAccessPatternWithKeyedReadsAndWritesOnly() {
    store.createSweep(new Sweep("sw-1", T0, 2, "p"));
    store.putScan(
        scan("s-1", "alpha", "R-1"), List.of(new FailingRule("R-1", Level.REQUIRED, 0, List.of())));
    store.recordSweepEntry(SweepEntry.done("sw-1", "alpha", "s-1", T0));
    store.recordSweepEntry(SweepEntry.failed("sw-1", "bravo", "f-1", ErrorCode.CLONE_FAILED, T0));
    store.recordFirstSeen("alpha", Set.of("fp"), new FirstSeen(T0, "s-1"));
    store.claim(IdempotencyClaim.pending("k", "h", "v", T0, T0.plusSeconds(60)), T0, T0);
    store.claim(IdempotencyClaim.pending("k", "h", "w", T0, T0.plusSeconds(60)), T0, T0);
    store.markQueued("k", "v");
    store.release("k", "v");
    store.scan("s-1");
    store.failingRules("s-1");
    store.history("alpha", PageRequest.first(5));
    store.latest(LatestFilter.all().withFailingRule("R-1").withTeam("core"), PageRequest.first(5));
    store.latest(LatestFilter.all().withTeam("core"), PageRequest.first(5));
    store.sweeps(PageRequest.first(5));
    store.previousSweep("sw-1");
    store.progress("sw-1");
    store.sweepEntry("sw-1", "alpha");
    store.failedEntries("sw-1", PageRequest.first(5));
    store.ruleFailures("sw-1", Optional.empty(), PageRequest.first(5));

    assertThat(operations)
        .isSubsetOf("GetItem", "PutItem", "UpdateItem", "DeleteItem", "Query", "BatchGetItem")
        .contains("Query", "UpdateItem", "BatchGetItem")
        .doesNotContain("Scan", "TransactWriteItems");
  }

  @Test
  void anIdempotencyKeyCarriesItsExpiryAsTheTableTtlAttribute() {
    Instant expiry = T0.plusSeconds(3600);
    store.claim(IdempotencyClaim.pending("k-ttl", "h", "job", T0, expiry), T0, T0);

    Map<String, AttributeValue> item =
        dynamoDb.getItem(b -> b.tableName(table).key(Items.key("IDEMPOTENCY#k-ttl", "KEY"))).item();

    assertThat(item.get(DynamoIdempotency.TTL_ATTRIBUTE).n())
        .isEqualTo(Long.toString(expiry.getEpochSecond()));
    assertThat(
            dynamoDb
                .describeTimeToLive(b -> b.tableName(table))
                .timeToLiveDescription()
                .attributeName())
        .isEqualTo(DynamoIdempotency.TTL_ATTRIBUTE);
    assertThat(
            dynamoDb
                .describeTimeToLive(b -> b.tableName(table))
                .timeToLiveDescription()
                .timeToLiveStatus())
        .isIn(TimeToLiveStatus.ENABLED, TimeToLiveStatus.ENABLING);
  }

  @Test
  void aLargeSweepCountsInShardsOfAtMostFiveHundredNames() {
    store.createSweep(new Sweep("sw-big", T0, 1001, "p"));
    for (int i = 0; i < 40; i++) {
      store.recordSweepEntry(SweepEntry.done("sw-big", "repo-" + i, "s-" + i, T0));
    }

    List<Map<String, AttributeValue>> shards =
        dynamoDb
            .query(
                b ->
                    b.tableName(table)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :p)")
                        .expressionAttributeValues(
                            Map.of(
                                ":pk", AttributeValue.fromS("SWEEP#sw-big"),
                                ":p", AttributeValue.fromS("PROGRESS#"))))
            .items();

    assertThat(DynamoSweeps.shardCount(1001)).isEqualTo(3);
    assertThat(shards).hasSizeBetween(2, 3);
    assertThat(shards.stream().mapToInt(s -> s.get("done_repos").ss().size()).sum()).isEqualTo(40);
    assertThat(store.progress("sw-big").done()).isEqualTo(40);
  }
}
