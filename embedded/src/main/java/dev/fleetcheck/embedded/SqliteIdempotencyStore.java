package dev.fleetcheck.embedded;

import static dev.fleetcheck.embedded.SqlRows.queryOne;
import static dev.fleetcheck.embedded.SqlRows.update;

import dev.fleetcheck.core.model.IdempotencyClaim;
import dev.fleetcheck.core.port.IdempotencyStore;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Idempotency keys in the SQLite file; each method is one transaction (a conditional write). */
final class SqliteIdempotencyStore implements IdempotencyStore {

  private final SqliteDatabase db;

  SqliteIdempotencyStore(SqliteDatabase db) {
    this.db = db;
  }

  @Override
  public Optional<IdempotencyClaim> claim(
      IdempotencyClaim claim, Instant now, Instant stalePendingBefore) {
    return db.transaction(
        c -> {
          Optional<IdempotencyClaim> held =
              queryOne(
                  c,
                  "SELECT key, request_hash, value, state, claimed_at, expires_at"
                      + " FROM idempotency_key WHERE key = ? AND expires_at > ?"
                      + " AND NOT (state = 'pending' AND claimed_at < ?)",
                  List.of(claim.key(), now.toEpochMilli(), stalePendingBefore.toEpochMilli()),
                  rows ->
                      new IdempotencyClaim(
                          rows.getString(1),
                          rows.getString(2),
                          rows.getString(3),
                          IdempotencyClaim.State.valueOf(
                              rows.getString(4).toUpperCase(Locale.ROOT)),
                          Instant.ofEpochMilli(rows.getLong(5)),
                          Instant.ofEpochMilli(rows.getLong(6))));
          if (held.isPresent()) {
            return held;
          }
          update(
              c,
              "INSERT INTO idempotency_key"
                  + " (key, value, expires_at, request_hash, state, claimed_at)"
                  + " VALUES (?, ?, ?, ?, ?, ?)"
                  + " ON CONFLICT (key) DO UPDATE SET value = excluded.value,"
                  + " expires_at = excluded.expires_at, request_hash = excluded.request_hash,"
                  + " state = excluded.state, claimed_at = excluded.claimed_at",
              List.of(
                  claim.key(),
                  claim.jobId(),
                  claim.expiresAt().toEpochMilli(),
                  claim.requestHash(),
                  claim.state().name().toLowerCase(Locale.ROOT),
                  claim.claimedAt().toEpochMilli()));
          return Optional.empty();
        });
  }

  @Override
  public boolean markQueued(String key, String jobId) {
    return db.transaction(
            c ->
                update(
                    c,
                    "UPDATE idempotency_key SET state = 'queued'"
                        + " WHERE key = ? AND value = ? AND state = 'pending'",
                    List.of(key, jobId)))
        == 1;
  }

  @Override
  public void release(String key, String jobId) {
    db.transaction(
        c ->
            update(
                c,
                "DELETE FROM idempotency_key WHERE key = ? AND value = ? AND state = 'pending'",
                List.of(key, jobId)));
  }
}
