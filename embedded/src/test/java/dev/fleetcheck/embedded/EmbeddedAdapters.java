package dev.fleetcheck.embedded;

import dev.fleetcheck.core.contract.FleetAdapters;
import dev.fleetcheck.core.port.JobQueue;
import dev.fleetcheck.core.port.ReportStore;
import dev.fleetcheck.core.port.ResultStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;

/** The embedded default's adapters (SQLite file, report folder) under the scenario suites. */
final class EmbeddedAdapters implements FleetAdapters {

  private final Path directory;
  private final Clock clock;
  private final EmbeddedFleet.QueueSettings settings;
  private final EmbeddedFleet fleet;

  private EmbeddedAdapters(Path directory, Clock clock, EmbeddedFleet.QueueSettings settings) {
    this.directory = directory;
    this.clock = clock;
    this.settings = settings;
    this.fleet = EmbeddedFleet.open(directory, clock, settings);
  }

  static FleetAdapters open(
      Path directory, Clock clock, Duration visibilityTimeout, int maxReceives) {
    return new EmbeddedAdapters(
        directory, clock, new EmbeddedFleet.QueueSettings(visibilityTimeout, maxReceives));
  }

  @Override
  public ResultStore results() {
    return fleet.results();
  }

  @Override
  public ReportStore reports() {
    return fleet.reports();
  }

  @Override
  public JobQueue queue() {
    return fleet.queue();
  }

  @Override
  public FleetAdapters restart() {
    fleet.close();
    return new EmbeddedAdapters(directory, clock, settings);
  }

  @Override
  public long reportCount() {
    try (Stream<Path> walk = Files.walk(fleet.reports().root())) {
      return walk.filter(Files::isRegularFile).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    fleet.close();
  }
}
