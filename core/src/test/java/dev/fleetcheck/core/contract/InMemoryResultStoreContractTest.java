package dev.fleetcheck.core.contract;

import dev.fleetcheck.core.port.ResultStore;

/** The in-memory result store the report tests build fleets on keeps the port's contract. */
class InMemoryResultStoreContractTest extends ResultStoreContract {

  @Override
  protected ResultStore newStore() {
    return new InMemoryResultStore();
  }
}
