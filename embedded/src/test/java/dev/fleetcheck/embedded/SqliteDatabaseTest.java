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
      assertThat(appliedVersions(db)).containsExactly(1, 2, 3, 4);
    }
  }

  @Test
  void appliesNewMigrationsInOrderOnTopOfAnExistingFile() {
    Path file = dataDirectory.resolve(SqliteDatabase.FILE_NAME);
    SqliteDatabase.openFile(file, Schema.MIGRATIONS.subList(0, 1)).close();
    List<Migration> extended = new ArrayList<>(Schema.MIGRATIONS);
    extended.add(
        new Migration(
            Schema.MIGRATIONS.size() + 1,
            "test: a table that needs version 2's table",
            List.of("CREATE TABLE later (seq INTEGER REFERENCES queue_message (seq))")));

    try (SqliteDatabase db = SqliteDatabase.openFile(file, extended)) {
      assertThat(appliedVersions(db)).containsExactly(1, 2, 3, 4, 5);
    }
  }

  @Test
  void aScanStoredBeforeVersionFourReadsBackAsTrueWithoutExpiry() {
    Path file = dataDirectory.resolve(SqliteDatabase.FILE_NAME);
    try (SqliteDatabase v3 = SqliteDatabase.openFile(file, Schema.MIGRATIONS.subList(0, 3))) {
      v3.transaction(
          c -> {
            try (Statement s = c.createStatement()) {
              s.execute(
                  "INSERT INTO scan (scan_id, repository, team, source, commit_sha,"
                      + " rule_pack_digest, sweep_id, scanned_at, status, score, counts,"
                      + " failing_rules, report_key) VALUES ('s-old', 'alpha', '', 'src', 'c1',"
                      + " 'sha256:p', '', 0, 'succeeded', 100.0, 'PASS=1', '', 'scans/s-old')");
            }
            return null;
          });
    }

    try (SqliteDatabase db = SqliteDatabase.openFile(file, Schema.MIGRATIONS)) {
      assertThat(appliedVersions(db)).containsExactly(1, 2, 3, 4);
      dev.fleetcheck.core.model.ScanRecord old =
          new SqliteResultStore(db).scan("s-old").orElseThrow();
      assertThat(((dev.fleetcheck.core.model.ScanOutcome.Succeeded) old.outcome()).validUntil())
          .isEmpty();
      assertThat(old.stillTrueAt(java.time.Instant.parse("2099-01-01T00:00:00Z"))).isTrue();
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
