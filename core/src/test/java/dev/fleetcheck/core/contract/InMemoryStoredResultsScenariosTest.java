package dev.fleetcheck.core.contract;

class InMemoryStoredResultsScenariosTest extends StoredResultsScenarios {

  @Override
  protected FleetAdapters.Factory adapters() {
    return InMemoryAdapters::open;
  }
}
