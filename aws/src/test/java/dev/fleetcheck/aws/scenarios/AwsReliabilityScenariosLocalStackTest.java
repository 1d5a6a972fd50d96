package dev.fleetcheck.aws.scenarios;

import dev.fleetcheck.aws.AwsClients;
import dev.fleetcheck.aws.localstack.LocalStackImage;
import dev.fleetcheck.core.contract.FleetAdapters;
import dev.fleetcheck.core.contract.ReliabilityScenarios;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;

/**
 * The reliability scenarios (concurrent duplicate deliveries, a thousand repositories drained by
 * four workers, workers killed midway) on DynamoDB, S3 and SQS under the test clock, against
 * LocalStack; skipped where no Docker engine exists. Not on moto_server: every one of them runs
 * consumers concurrently, and moto applies neither conditional writes nor receives atomically
 * across concurrent requests (docs/adr/0013), so it would test moto, not the adapters.
 */
@Tag("integration")
@Testcontainers(disabledWithoutDocker = true)
class AwsReliabilityScenariosLocalStackTest extends ReliabilityScenarios {

  @Container static final LocalStackContainer LOCALSTACK = LocalStackImage.container();
  private static AwsClients clients;

  @BeforeAll
  static void connect() {
    clients = new AwsClients(LocalStackImage.settings(LOCALSTACK));
  }

  @AfterAll
  static void disconnect() {
    if (clients != null) {
      clients.close();
    }
  }

  @Override
  protected FleetAdapters.Factory adapters() {
    return AwsAdapters.on(clients);
  }
}
