package dev.fleetcheck.embedded;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.fleet.ScanJobCodec;
import dev.fleetcheck.core.model.ScanJob;
import dev.fleetcheck.core.port.JobQueue;
import dev.fleetcheck.core.port.Page;
import dev.fleetcheck.core.port.PageRequest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The in-process job queue with SQS semantics, kept in the same SQLite file as the results so that
 * a sweep survives the process: kill it midway, start again, and the messages not yet deleted are
 * delivered again once their visibility timeout lapses. Each receive is one transaction, so
 * concurrent consumers (threads or processes) never get the same delivery.
 */
public final class SqliteJobQueue implements JobQueue {

  public static final String DEFAULT_NAME = "scan-jobs";
  private static final int MAX_REASON_LENGTH = 1000;

  private final SqliteDatabase db;
  private final Clock clock;
  private final String name;
  private final Duration visibilityTimeout;
  private final int maxReceives;
  private final SqlPager pager;

  public SqliteJobQueue(
      SqliteDatabase db, Clock clock, String name, Duration visibilityTimeout, int maxReceives) {
    if (visibilityTimeout.isNegative() || visibilityTimeout.isZero()) {
      throw new IllegalArgumentException("visibility timeout must be positive");
    }
    if (maxReceives < 1) {
      throw new IllegalArgumentException("maxReceives must be >= 1");
    }
    this.db = db;
    this.clock = clock;
    this.name = name;
    this.visibilityTimeout = visibilityTimeout;
    this.maxReceives = maxReceives;
    this.pager = new SqlPager(db);
  }

  @Override
  public void sendBatch(List<ScanJob> jobs) {
    if (jobs.size() > MAX_BATCH) {
      throw new FleetcheckException(
          ErrorCode.INVALID_ARGUMENT, "at most " + MAX_BATCH + " messages per batch");
    }
    if (jobs.isEmpty()) {
      return;
    }
    long now = clock.millis();
    db.transaction(
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO queue_message (queue, message_id, body, sent_at, visible_at)"
                      + " VALUES (?, ?, ?, ?, ?)")) {
            for (ScanJob job : jobs) {
              insert.setString(1, name);
              insert.setString(2, UUID.randomUUID().toString());
              insert.setString(3, ScanJobCodec.encode(job));
              insert.setLong(4, now);
              insert.setLong(5, now);
              insert.addBatch();
            }
            insert.executeBatch();
          }
          return null;
        });
  }

  @Override
  public List<Delivery> receive(int max) {
    if (max < 1 || max > MAX_BATCH) {
      throw new FleetcheckException(
          ErrorCode.INVALID_ARGUMENT, "receive between 1 and " + MAX_BATCH + " messages");
    }
    long now = clock.millis();
    return db.transaction(
        c -> {
          List<Delivery> deliveries = new ArrayList<>();
          boolean deadLettered = true;
          while (deliveries.size() < max && deadLettered) {
            deadLettered = false;
            List<long[]> candidates = new ArrayList<>();
            List<String[]> texts = new ArrayList<>();
            try (PreparedStatement select =
                c.prepareStatement(
                    "SELECT seq, receive_count, message_id, body FROM queue_message"
                        + " WHERE queue = ? AND dead_at IS NULL AND visible_at <= ?"
                        + " ORDER BY seq LIMIT ?")) {
              select.setString(1, name);
              select.setLong(2, now);
              select.setInt(3, max - deliveries.size());
              try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                  candidates.add(new long[] {rows.getLong(1), rows.getLong(2)});
                  texts.add(new String[] {rows.getString(3), rows.getString(4)});
                }
              }
            }
            for (int i = 0; i < candidates.size(); i++) {
              long seq = candidates.get(i)[0];
              int received = (int) candidates.get(i)[1];
              if (received >= maxReceives) {
                deadLetter(c, seq, now);
                deadLettered = true;
                continue;
              }
              String receipt = UUID.randomUUID().toString();
              try (PreparedStatement deliver =
                  c.prepareStatement(
                      "UPDATE queue_message SET receive_count = receive_count + 1,"
                          + " receipt_handle = ?, visible_at = ? WHERE seq = ?")) {
                deliver.setString(1, receipt);
                deliver.setLong(2, now + visibilityTimeout.toMillis());
                deliver.setLong(3, seq);
                deliver.executeUpdate();
              }
              deliveries.add(new Delivery(texts.get(i)[0], receipt, texts.get(i)[1], received + 1));
            }
          }
          return deliveries;
        });
  }

  private static void deadLetter(java.sql.Connection c, long seq, long now) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE queue_message SET dead_at = ?, receipt_handle = NULL WHERE seq = ?")) {
      update.setLong(1, now);
      update.setLong(2, seq);
      update.executeUpdate();
    }
  }

  @Override
  public boolean delete(String receiptHandle) {
    return db.transaction(
        c -> {
          try (PreparedStatement delete =
              c.prepareStatement(
                  "DELETE FROM queue_message WHERE queue = ? AND receipt_handle = ?"
                      + " AND dead_at IS NULL")) {
            delete.setString(1, name);
            delete.setString(2, receiptHandle);
            return delete.executeUpdate() == 1;
          }
        });
  }

  @Override
  public void fail(String receiptHandle, String reason) {
    String bounded =
        reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH);
    db.transaction(
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE queue_message SET last_failure = ? WHERE queue = ?"
                      + " AND receipt_handle = ? AND dead_at IS NULL")) {
            update.setString(1, bounded);
            update.setString(2, name);
            update.setString(3, receiptHandle);
            update.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public int maxReceives() {
    return maxReceives;
  }

  @Override
  public Page<DeadLetter> deadLetters(PageRequest page) {
    String scope = "dead-letters|" + name;
    String after = "";
    List<Object> params = new ArrayList<>(List.of(name));
    if (page.cursor().isPresent()) {
      List<String> position = pager.position(scope, page, 2);
      long deadAt = SqlRows.parseLong(position.get(0));
      after = " AND (dead_at > ? OR (dead_at = ? AND seq > ?))";
      params.addAll(List.of(deadAt, deadAt, SqlRows.parseLong(position.get(1))));
    }
    Page<DeadRow> rows =
        pager.page(
            page,
            "SELECT message_id, body, receive_count, last_failure, dead_at, seq FROM queue_message"
                + " WHERE queue = ? AND dead_at IS NOT NULL"
                + after
                + " ORDER BY dead_at, seq LIMIT ?",
            params,
            row -> {
              String reason = row.getString(4);
              return new DeadRow(
                  new DeadLetter(
                      row.getString(1),
                      row.getString(2),
                      row.getInt(3),
                      reason == null ? "" : reason),
                  row.getLong(5),
                  row.getLong(6));
            },
            row ->
                pager
                    .cursors()
                    .encode(scope, List.of(Long.toString(row.deadAt()), Long.toString(row.seq()))));
    return new Page<>(rows.items().stream().map(DeadRow::letter).toList(), rows.next());
  }

  private record DeadRow(DeadLetter letter, long deadAt, long seq) {}

  @Override
  public QueueDepth depth() {
    long now = clock.millis();
    return db.read(
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT"
                      + " COALESCE(SUM(dead_at IS NULL AND visible_at <= ?), 0),"
                      + " COALESCE(SUM(dead_at IS NULL AND visible_at > ?), 0),"
                      + " COALESCE(SUM(dead_at IS NOT NULL), 0)"
                      + " FROM queue_message WHERE queue = ?")) {
            select.setLong(1, now);
            select.setLong(2, now);
            select.setString(3, name);
            try (ResultSet rows = select.executeQuery()) {
              rows.next();
              return new QueueDepth(rows.getInt(1), rows.getInt(2), rows.getInt(3));
            }
          }
        });
  }
}
