package dev.fleetcheck.embedded;

import dev.fleetcheck.core.model.FirstSeen;
import dev.fleetcheck.core.port.FindingStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** First sightings of findings by fingerprint, in the SQLite file. */
final class SqliteFindingStore implements FindingStore {

  private final SqliteDatabase db;
  private final SqlPager pager;

  SqliteFindingStore(SqliteDatabase db, SqlPager pager) {
    this.db = db;
    this.pager = pager;
  }

  @Override
  public Map<String, FirstSeen> recordFirstSeen(
      String repository, Set<String> fingerprints, FirstSeen seen) {
    return db.transaction(
        c -> {
          try (PreparedStatement upsert =
              c.prepareStatement(
                  "INSERT INTO finding_first_seen (repository, fingerprint, first_seen_at,"
                      + " first_scan_id) VALUES (?, ?, ?, ?) ON CONFLICT (repository, fingerprint)"
                      + " DO UPDATE SET first_seen_at = excluded.first_seen_at,"
                      + " first_scan_id = excluded.first_scan_id"
                      + " WHERE excluded.first_seen_at < finding_first_seen.first_seen_at")) {
            for (String fingerprint : fingerprints) {
              upsert.setString(1, repository);
              upsert.setString(2, fingerprint);
              upsert.setLong(3, seen.at().toEpochMilli());
              upsert.setString(4, seen.scanId());
              upsert.addBatch();
            }
            upsert.executeBatch();
          }
          Map<String, FirstSeen> answer = new LinkedHashMap<>();
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT first_seen_at, first_scan_id FROM finding_first_seen"
                      + " WHERE repository = ? AND fingerprint = ?")) {
            for (String fingerprint : fingerprints) {
              select.setString(1, repository);
              select.setString(2, fingerprint);
              try (ResultSet rows = select.executeQuery()) {
                rows.next();
                answer.put(
                    fingerprint,
                    new FirstSeen(Instant.ofEpochMilli(rows.getLong(1)), rows.getString(2)));
              }
            }
          }
          return answer;
        });
  }
}
