package dev.fleetcheck.embedded;

import dev.fleetcheck.core.contract.FleetAdapters;
import dev.fleetcheck.core.contract.StoredResultsScenarios;

class EmbeddedStoredResultsScenariosTest extends StoredResultsScenarios {

  @Override
  protected FleetAdapters.Factory adapters() {
    return EmbeddedAdapters::open;
  }
}
