package dev.fleetcheck.embedded;

import dev.fleetcheck.core.fleet.FleetPorts;
import dev.fleetcheck.core.fleet.FleetRuntime;
import dev.fleetcheck.core.port.FailureLog;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The fleet runtime of the embedded default in one call: the data directory's adapters wired into
 * every fleet use case with the JSON report codec. The CLI builds it; a test or a local handler run
 * can too.
 */
public final class EmbeddedRuntime implements AutoCloseable {

  private final EmbeddedFleet adapters;
  private final FleetRuntime fleet;

  private EmbeddedRuntime(EmbeddedFleet adapters, FleetRuntime fleet) {
    this.adapters = adapters;
    this.fleet = fleet;
  }

  public static EmbeddedRuntime open(
      Path dataDirectory,
      Clock clock,
      EmbeddedFleet.QueueSettings queue,
      FleetRuntime.Settings settings,
      FailureLog log) {
    EmbeddedFleet adapters = EmbeddedFleet.open(dataDirectory, clock, queue);
    FleetPorts ports =
        FleetPorts.withJsonReports(
            adapters.results(), adapters.reports(), adapters.queue(), clock, log);
    return new EmbeddedRuntime(adapters, new FleetRuntime(ports, settings));
  }

  public EmbeddedFleet adapters() {
    return adapters;
  }

  public FleetRuntime fleet() {
    return fleet;
  }

  @Override
  public void close() {
    adapters.close();
  }
}
