package dev.fleetcheck.embedded;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

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

  @Override
  public void close() {
    database.close();
  }
}
