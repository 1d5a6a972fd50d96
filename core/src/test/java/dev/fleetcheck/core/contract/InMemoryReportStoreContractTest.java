package dev.fleetcheck.core.contract;

import dev.fleetcheck.core.port.ReportStore;

/** The in-memory report store the report tests build fleets on keeps the port's contract. */
class InMemoryReportStoreContractTest extends ReportStoreContract {

  @Override
  protected ReportStore newStore() {
    return new InMemoryReportStore();
  }
}
