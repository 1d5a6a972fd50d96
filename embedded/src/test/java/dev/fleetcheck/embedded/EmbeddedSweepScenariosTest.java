package dev.fleetcheck.embedded;

import dev.fleetcheck.core.contract.FleetAdapters;
import dev.fleetcheck.core.contract.SweepScenarios;

class EmbeddedSweepScenariosTest extends SweepScenarios {

  @Override
  protected FleetAdapters.Factory adapters() {
    return EmbeddedAdapters::open;
  }
}
