package dev.fleetcheck.embedded;

import dev.fleetcheck.core.contract.JobQueueContract;
import dev.fleetcheck.core.contract.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteJobQueueContractTest extends JobQueueContract {

  private static final Duration VISIBILITY = Duration.ofSeconds(30);

  @TempDir Path dataDirectory;
  private final List<SqliteDatabase> opened = new ArrayList<>();

  @Override
  protected QueueFixture newQueue(int maxReceives) {
    MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
    SqliteDatabase database = SqliteDatabase.open(dataDirectory);
    opened.add(database);
    SqliteJobQueue queue =
        new SqliteJobQueue(database, clock, SqliteJobQueue.DEFAULT_NAME, VISIBILITY, maxReceives);
    return new QueueFixture(queue, () -> clock.advance(VISIBILITY.plusMillis(1)));
  }

  @AfterEach
  void close() {
    opened.forEach(SqliteDatabase::close);
  }
}
