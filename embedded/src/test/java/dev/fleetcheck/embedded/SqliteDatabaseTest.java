package dev.fleetcheck.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDatabaseTest {

  @TempDir Path dataDirectory;

  @Test
  void createsOneFileInTheDataDirectoryWithEveryMigrationApplied() {
    Path nested = dataDirectory.resolve("not/yet/there");
    try (SqliteDatabase db = SqliteDatabase.open(nested)) {
      assertThat(db.schemaVersion()).isEqualTo(Schema.MIGRATIONS.size());
      assertThat(journalMode(db)).isEqualToIgnoringCase("wal");
    }
    assertThat(Files.isRegularFile(nested.resolve(SqliteDatabase.FILE_NAME))).isTrue();
  }

  @Test
  void reopeningAppliesNothingTwice() {
    SqliteDatabase.open(dataDirectory).close();
    try (SqliteDatabase db = SqliteDatabase.open(dataDirectory)) {
      assertThat(appliedVersions(db)).containsExactly(1, 2, 3);
    }
  }

  @Test
  void appliesNewMigrationsInOrderOnTopOfAnExistingFile() {
    Path file = dataDirectory.resolve(SqliteDatabase.FILE_NAME);
    SqliteDatabase.openFile(file, Schema.MIGRATIONS.subList(0, 1)).close();
    List<Migration> extended = new ArrayList<>(Schema.MIGRATIONS);
    extended.add(
        new Migration(
            3,
            "test: a table that needs version 2's table",
            List.of("CREATE TABLE later (seq INTEGER REFERENCES queue_message (seq))")));

    try (SqliteDatabase db = SqliteDatabase.openFile(file, extended)) {
      assertThat(appliedVersions(db)).containsExactly(1, 2, 3);
    }
  }

  @Test
  void aZeroByteDatabaseFileIsAStoreErrorNamingTheFileNotANewStore() throws Exception {
    Path file = Files.createDirectories(dataDirectory).resolve(SqliteDatabase.FILE_NAME);
    Files.createFile(file);

    assertThatThrownBy(() -> SqliteDatabase.open(dataDirectory).close())
        .isInstanceOfSatisfying(
            FleetcheckException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.STORE_FAILED))
        .hasMessageContaining(file.toAbsolutePath().toString())
        .hasMessageContaining("empty (0 bytes)");
    assertThat(Files.size(file)).as("left as found, for the operator to inspect").isZero();
  }

  @Test
  void aMissingDatabaseFileIsANewStore() {
    try (SqliteDatabase db = SqliteDatabase.open(dataDirectory.resolve("fresh"))) {
      assertThat(db.schemaVersion()).isPositive();
    }
  }

  @Test
  void twoOpenersOfOneFileBothSeeTheSameSchema() {
    try (SqliteDatabase first = SqliteDatabase.open(dataDirectory);
        SqliteDatabase second = SqliteDatabase.open(dataDirectory)) {
      assertThat(first.schemaVersion()).isEqualTo(second.schemaVersion());
    }
  }

  private static String journalMode(SqliteDatabase db) {
    return db.read(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rows = s.executeQuery("PRAGMA journal_mode")) {
            rows.next();
            return rows.getString(1);
          }
        });
  }

  private static List<Integer> appliedVersions(SqliteDatabase db) {
    return db.read(
        c -> {
          List<Integer> versions = new ArrayList<>();
          try (Statement s = c.createStatement();
              ResultSet rows =
                  s.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
            while (rows.next()) {
              versions.add(rows.getInt(1));
            }
          }
          return versions;
        });
  }
}
