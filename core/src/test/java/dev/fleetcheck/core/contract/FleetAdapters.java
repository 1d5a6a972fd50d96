package dev.fleetcheck.core.contract;

import dev.fleetcheck.core.port.JobQueue;
import dev.fleetcheck.core.port.ReportStore;
import dev.fleetcheck.core.port.ResultStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * One adapter set under the scenario suites: a result store, a report store and a job queue that
 * share storage, as a deployment wires them (SQLite and a folder, DynamoDB, S3 and SQS, memory).
 */
public interface FleetAdapters extends AutoCloseable {

  /** Opens an adapter set over fresh storage under {@code root} (or reopens it, see restart). */
  @FunctionalInterface
  interface Factory {
    FleetAdapters open(Path root, Clock clock, Duration visibilityTimeout, int maxReceives);
  }

  ResultStore results();

  ReportStore reports();

  JobQueue queue();

  /**
   * Drops every in-process object and reopens the same storage: what a process restart leaves.
   * Adapters whose storage lives only in the process keep it (nothing else could stand for it).
   */
  FleetAdapters restart();

  /** How many full reports the report store holds. */
  long reportCount();

  @Override
  void close();
}
