package dev.fleetcheck.aws.scenarios;

import dev.fleetcheck.aws.AwsClients;
import dev.fleetcheck.aws.AwsSettings;
import dev.fleetcheck.aws.MotoServer;
import dev.fleetcheck.core.contract.FleetAdapters;
import dev.fleetcheck.core.contract.SweepScenarios;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/** The sweep scenarios on DynamoDB, S3 and SQS, served by moto_server, under the test clock. */
@Tag("integration")
@ExtendWith(MotoServer.class)
class AwsSweepScenariosMotoTest extends SweepScenarios {

  private static AwsClients clients;

  @BeforeAll
  static void connect(AwsSettings settings) {
    clients = new AwsClients(settings);
  }

  @AfterAll
  static void disconnect() {
    clients.close();
  }

  @Override
  protected FleetAdapters.Factory adapters() {
    return AwsAdapters.on(clients);
  }
}
