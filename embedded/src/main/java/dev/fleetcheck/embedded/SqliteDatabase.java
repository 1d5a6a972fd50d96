package dev.fleetcheck.embedded;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The one SQLite file of the embedded default: WAL journal (readers never block the writer), a busy
 * timeout (another process on the same file waits instead of failing), writes in BEGIN IMMEDIATE
 * transactions (no lock upgrade deadlocks between processes), and the versioned schema applied on
 * open. Transactions are begun and ended by hand: the driver's own transaction mode would begin the
 * next transaction as soon as one commits and so hold the write lock between them. One connection
 * per instance, used by one thread at a time; several instances, in this process or others, may
 * share the file.
 */
public final class SqliteDatabase implements AutoCloseable {

  public static final String FILE_NAME = "fleetcheck.db";
  static final int BUSY_TIMEOUT_MILLIS = 30_000;

  private final Path file;
  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock();

  private static final int EMPTY_FILE_CHECKS = 10;
  private static final long EMPTY_FILE_PAUSE_MILLIS = 50;

  private SqliteDatabase(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /** Opens (creating it if needed) {@value #FILE_NAME} in {@code directory} and migrates it. */
  public static SqliteDatabase open(Path directory) {
    return openFile(directory.resolve(FILE_NAME), Schema.MIGRATIONS);
  }

  static SqliteDatabase openFile(Path file, List<Migration> migrations) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new FleetcheckException(
          ErrorCode.STORE_FAILED, "cannot create the data directory " + file.getParent(), e);
    }
    refuseEmptyFile(file);
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    try {
      Connection connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
      SqliteDatabase database = new SqliteDatabase(file, connection);
      database.migrate(migrations);
      return database;
    } catch (SQLException e) {
      throw new FleetcheckException(ErrorCode.STORE_FAILED, "cannot open " + file, e);
    }
  }

  /**
   * SQLite takes a zero-byte file for a new database and would start an empty store over it, hiding
   * that the real one was truncated (a full disk, a bad copy). A missing file is a new store; an
   * existing empty one is refused. A concurrent opener may have just created the file and not yet
   * written its header, so an empty file gets a moment to fill before it counts.
   */
  private static void refuseEmptyFile(Path file) {
    try {
      for (int wait = 0; isEmptyFile(file); wait++) {
        if (wait == EMPTY_FILE_CHECKS) {
          throw new FleetcheckException(
              ErrorCode.STORE_FAILED,
              "the database "
                  + file.toAbsolutePath()
                  + " is empty (0 bytes), so its results are lost or it is not a fleetcheck"
                  + " database; restore it from a backup, or move it away to start a new store");
        }
        Thread.sleep(EMPTY_FILE_PAUSE_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FleetcheckException(ErrorCode.STORE_FAILED, "interrupted opening " + file, e);
    } catch (IOException e) {
      throw new FleetcheckException(ErrorCode.STORE_FAILED, "cannot read " + file, e);
    }
  }

  private static boolean isEmptyFile(Path file) throws IOException {
    return Files.isRegularFile(file) && Files.size(file) == 0;
  }

  public Path file() {
    return file;
  }

  /** Runs {@code work} in one write transaction: committed when it returns, rolled back if not. */
  <T> T transaction(SqlWork<T> work) {
    return inTransaction("BEGIN IMMEDIATE", work);
  }

  /** Runs read-only {@code work} on one consistent snapshot, without taking the write lock. */
  <T> T read(SqlWork<T> work) {
    return inTransaction("BEGIN DEFERRED", work);
  }

  private <T> T inTransaction(String begin, SqlWork<T> work) {
    lock.lock();
    try (Statement control = connection.createStatement()) {
      control.execute(begin);
      try {
        T result = work.run(connection);
        control.execute("COMMIT");
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(control, e);
        throw e;
      }
    } catch (SQLException e) {
      throw new FleetcheckException(ErrorCode.STORE_FAILED, "SQLite: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /** The highest schema version applied. */
  public int schemaVersion() {
    return read(SqliteDatabase::currentVersion);
  }

  private void migrate(List<Migration> migrations) {
    transaction(
        c -> {
          try (Statement statement = c.createStatement()) {
            statement.execute(
                "CREATE TABLE IF NOT EXISTS schema_version ("
                    + "version INTEGER PRIMARY KEY, description TEXT NOT NULL,"
                    + " applied_at INTEGER NOT NULL)");
          }
          return null;
        });
    for (Migration migration : migrations) {
      // Re-checked inside the write transaction: two processes opening a new file at once
      // serialise on the immediate lock, and the second finds the step applied.
      transaction(
          c -> {
            if (currentVersion(c) >= migration.version()) {
              return null;
            }
            try (Statement statement = c.createStatement()) {
              for (String sql : migration.statements()) {
                statement.execute(sql);
              }
            }
            try (PreparedStatement insert =
                c.prepareStatement(
                    "INSERT INTO schema_version (version, description, applied_at)"
                        + " VALUES (?, ?, ?)")) {
              insert.setInt(1, migration.version());
              insert.setString(2, migration.description());
              insert.setLong(3, System.currentTimeMillis());
              insert.executeUpdate();
            }
            return null;
          });
    }
  }

  private static int currentVersion(Connection c) throws SQLException {
    try (Statement statement = c.createStatement();
        ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
      return rows.next() ? rows.getInt(1) : 0;
    }
  }

  private static void rollbackQuietly(Statement control, Exception cause) {
    try {
      control.execute("ROLLBACK");
    } catch (SQLException rollbackFailure) {
      cause.addSuppressed(rollbackFailure);
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      connection.close();
    } catch (SQLException e) {
      throw new FleetcheckException(ErrorCode.STORE_FAILED, "cannot close " + file, e);
    } finally {
      lock.unlock();
    }
  }
}
