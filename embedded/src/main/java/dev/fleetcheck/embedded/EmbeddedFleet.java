package dev.fleetcheck.embedded;

import dev.fleetcheck.core.fleet.QueuePoller;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The embedded default's adapters over one data directory: {@value SqliteDatabase#FILE_NAME} for
 * results and the queue, {@code reports/} for full reports. The CLI opens one and wires the use
 * cases to it.
 */
public final class EmbeddedFleet implements AutoCloseable {

  /** Queue settings, the embedded counterpart of the SQS queue's attributes and redrive policy. */
  public record QueueSettings(Duration visibilityTimeout, int maxReceives) {

    public static QueueSettings defaults() {
      return new QueueSettings(Duration.ofMinutes(5), 3);
    }
  }

  private final SqliteDatabase database;
  private final SqliteResultStore results;
  private final ReportFolder reports;
  private final SqliteJobQueue queue;
  private final List<WorkerPool> pools = new ArrayList<>();

  private EmbeddedFleet(Path directory, Clock clock, QueueSettings settings) {
    this.database = SqliteDatabase.open(directory);
    this.results = new SqliteResultStore(database);
    this.reports = new ReportFolder(directory.resolve("reports"));
    this.queue =
        new SqliteJobQueue(
            database,
            clock,
            SqliteJobQueue.DEFAULT_NAME,
            settings.visibilityTimeout(),
            settings.maxReceives());
  }

  public static EmbeddedFleet open(Path directory, Clock clock, QueueSettings settings) {
    return new EmbeddedFleet(directory.toAbsolutePath().normalize(), clock, settings);
  }

  public SqliteDatabase database() {
    return database;
  }

  public SqliteResultStore results() {
    return results;
  }

  public ReportFolder reports() {
    return reports;
  }

  public SqliteJobQueue queue() {
    return queue;
  }

  /**
   * A worker pool over this fleet's queue that {@link #close()} closes first: the pool's workers
   * finish their jobs before the database closes under them.
   */
  public WorkerPool workerPool(Supplier<QueuePoller> pollers, int threads, Duration idlePause) {
    WorkerPool pool = new WorkerPool(queue, pollers, threads, idlePause);
    synchronized (pools) {
      pools.add(pool);
    }
    return pool;
  }

  /** Closes the worker pools made here (waiting for their workers), then the database. */
  @Override
  public void close() {
    List<WorkerPool> open;
    synchronized (pools) {
      open = List.copyOf(pools);
      pools.clear();
    }
    open.forEach(WorkerPool::close);
    database.close();
  }
}
