package dev.fleetcheck.core.report.fleet;

import dev.fleetcheck.core.contract.ResultStoreContract;
import dev.fleetcheck.core.port.ResultStore;

/** The in-memory result store the report tests build fleets on keeps the port's contract. */
class InMemoryResultStoreContractTest extends ResultStoreContract {

  @Override
  protected ResultStore newStore() {
    return new InMemoryResultStore();
  }
}
