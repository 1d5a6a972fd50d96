package dev.fleetcheck.core.contract;

class InMemorySweepScenariosTest extends SweepScenarios {

  @Override
  protected FleetAdapters.Factory adapters() {
    return InMemoryAdapters::open;
  }
}
