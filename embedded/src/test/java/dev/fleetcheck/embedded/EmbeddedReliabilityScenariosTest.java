package dev.fleetcheck.embedded;

import dev.fleetcheck.core.contract.FleetAdapters;
import dev.fleetcheck.core.contract.ReliabilityScenarios;

class EmbeddedReliabilityScenariosTest extends ReliabilityScenarios {

  @Override
  protected FleetAdapters.Factory adapters() {
    return EmbeddedAdapters::open;
  }
}
