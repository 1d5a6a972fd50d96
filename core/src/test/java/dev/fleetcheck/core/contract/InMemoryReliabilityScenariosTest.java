package dev.fleetcheck.core.contract;

class InMemoryReliabilityScenariosTest extends ReliabilityScenarios {

  @Override
  protected FleetAdapters.Factory adapters() {
    return InMemoryAdapters::open;
  }
}
