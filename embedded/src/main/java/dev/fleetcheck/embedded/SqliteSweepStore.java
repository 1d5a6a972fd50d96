package dev.fleetcheck.embedded;

import static dev.fleetcheck.embedded.SqlRows.errorCode;
import static dev.fleetcheck.embedded.SqlRows.parseLong;
import static dev.fleetcheck.embedded.SqlRows.queryOne;
import static dev.fleetcheck.embedded.SqlRows.update;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.model.Level;
import dev.fleetcheck.core.model.RuleFailure;
import dev.fleetcheck.core.model.Sweep;
import dev.fleetcheck.core.model.SweepEntry;
import dev.fleetcheck.core.model.SweepProgress;
import dev.fleetcheck.core.port.Page;
import dev.fleetcheck.core.port.PageRequest;
import dev.fleetcheck.core.port.SweepStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sweeps, their counters and entries, in the SQLite file. Each method is one transaction, so an
 * entry and its count change together.
 */
final class SqliteSweepStore implements SweepStore {

  private final SqliteDatabase db;
  private final SqlPager pager;

  SqliteSweepStore(SqliteDatabase db, SqlPager pager) {
    this.db = db;
    this.pager = pager;
  }

  @Override
  public boolean createSweep(Sweep sweep) {
    return db.transaction(
        c ->
            update(
                    c,
                    "INSERT INTO sweep (sweep_id, started_at, expected, rule_pack_digest)"
                        + " VALUES (?, ?, ?, ?) ON CONFLICT (sweep_id) DO NOTHING",
                    List.of(
                        sweep.sweepId(),
                        sweep.startedAt().toEpochMilli(),
                        sweep.expected(),
                        sweep.rulePackDigest()))
                == 1);
  }

  @Override
  public Optional<Sweep> sweep(String sweepId) {
    return db.read(c -> findSweep(c, sweepId));
  }

  private static Optional<Sweep> findSweep(Connection c, String sweepId) throws SQLException {
    return queryOne(
        c,
        "SELECT sweep_id, started_at, expected, rule_pack_digest FROM sweep WHERE sweep_id = ?",
        List.of(sweepId),
        SqliteSweepStore::sweepRow);
  }

  @Override
  public Page<Sweep> sweeps(PageRequest page) {
    String scope = "sweeps";
    String after = "";
    List<Object> params = new ArrayList<>();
    if (page.cursor().isPresent()) {
      List<String> position = pager.position(scope, page, 2);
      long at = parseLong(position.get(0));
      after = " WHERE started_at < ? OR (started_at = ? AND sweep_id < ?)";
      params.addAll(List.of(at, at, position.get(1)));
    }
    return pager.page(
        page,
        "SELECT sweep_id, started_at, expected, rule_pack_digest FROM sweep"
            + after
            + " ORDER BY started_at DESC, sweep_id DESC LIMIT ?",
        params,
        SqliteSweepStore::sweepRow,
        s ->
            pager
                .cursors()
                .encode(scope, List.of(Long.toString(s.startedAt().toEpochMilli()), s.sweepId())));
  }

  @Override
  public Optional<Sweep> previousSweep(String sweepId) {
    return db.read(
        c -> {
          Sweep current = findSweep(c, sweepId).orElseThrow(() -> sweepNotFound(sweepId));
          long at = current.startedAt().toEpochMilli();
          return queryOne(
              c,
              "SELECT sweep_id, started_at, expected, rule_pack_digest FROM sweep"
                  + " WHERE started_at < ? OR (started_at = ? AND sweep_id < ?)"
                  + " ORDER BY started_at DESC, sweep_id DESC LIMIT 1",
              List.of(at, at, sweepId),
              SqliteSweepStore::sweepRow);
        });
  }

  @Override
  public SweepProgress progress(String sweepId) {
    return db.read(
        c ->
            queryOne(
                    c,
                    "SELECT sweep_id, expected, done, failed FROM sweep WHERE sweep_id = ?",
                    List.of(sweepId),
                    rows ->
                        new SweepProgress(
                            rows.getString(1), rows.getInt(2), rows.getInt(3), rows.getInt(4)))
                .orElseThrow(() -> sweepNotFound(sweepId)));
  }

  @Override
  public boolean recordSweepEntry(SweepEntry entry) {
    return db.transaction(
        c -> {
          findSweep(c, entry.sweepId()).orElseThrow(() -> sweepNotFound(entry.sweepId()));
          Optional<SweepEntry> existing = findEntry(c, entry.sweepId(), entry.repository());
          if (existing.isEmpty()) {
            writeEntry(
                c,
                entry,
                "INSERT INTO sweep_entry (state, scan_id, error_code, recorded_at,"
                    + " sweep_id, repository) VALUES (?, ?, ?, ?, ?, ?)");
            String counter = entry.state() == SweepEntry.State.DONE ? "done" : "failed";
            update(
                c,
                "UPDATE sweep SET " + counter + " = " + counter + " + 1 WHERE sweep_id = ?",
                List.of(entry.sweepId()));
            return true;
          }
          if (existing.get().state() == SweepEntry.State.FAILED
              && entry.state() == SweepEntry.State.DONE) {
            writeEntry(
                c,
                entry,
                "UPDATE sweep_entry SET state = ?, scan_id = ?, error_code = ?,"
                    + " recorded_at = ? WHERE sweep_id = ? AND repository = ?");
            update(
                c,
                "UPDATE sweep SET done = done + 1, failed = failed - 1 WHERE sweep_id = ?",
                List.of(entry.sweepId()));
            return true;
          }
          return false;
        });
  }

  private static void writeEntry(Connection c, SweepEntry entry, String sql) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      statement.setString(1, entry.state().name());
      statement.setString(2, entry.scanId());
      statement.setString(3, entry.errorCode().map(ErrorCode::code).orElse(null));
      statement.setLong(4, entry.recordedAt().toEpochMilli());
      statement.setString(5, entry.sweepId());
      statement.setString(6, entry.repository());
      statement.executeUpdate();
    }
  }

  @Override
  public Optional<SweepEntry> sweepEntry(String sweepId, String repository) {
    return db.read(c -> findEntry(c, sweepId, repository));
  }

  private static Optional<SweepEntry> findEntry(Connection c, String sweepId, String repository)
      throws SQLException {
    return queryOne(
        c,
        "SELECT sweep_id, repository, state, scan_id, error_code, recorded_at FROM sweep_entry"
            + " WHERE sweep_id = ? AND repository = ?",
        List.of(sweepId, repository),
        SqliteSweepStore::entryRow);
  }

  @Override
  public Page<SweepEntry> failedEntries(String sweepId, PageRequest page) {
    String scope = "failed|" + sweepId;
    List<Object> params = new ArrayList<>(List.of(sweepId));
    String after = "";
    if (page.cursor().isPresent()) {
      after = " AND repository > ?";
      params.add(pager.position(scope, page, 1).get(0));
    }
    return pager.page(
        page,
        "SELECT sweep_id, repository, state, scan_id, error_code, recorded_at FROM sweep_entry"
            + " WHERE sweep_id = ? AND state = 'FAILED'"
            + after
            + " ORDER BY repository LIMIT ?",
        params,
        SqliteSweepStore::entryRow,
        e -> pager.cursors().encode(scope, List.of(e.repository())));
  }

  @Override
  public Page<RuleFailure> ruleFailures(String sweepId, Optional<String> ruleId, PageRequest page) {
    String scope = "rule-failures|" + sweepId + "|" + ruleId.orElse("*");
    List<Object> params = new ArrayList<>(List.of(sweepId));
    StringBuilder where = new StringBuilder(" WHERE e.sweep_id = ? AND e.state = 'DONE'");
    if (ruleId.isPresent()) {
      where.append(" AND f.rule_id = ?");
      params.add(ruleId.get());
    }
    if (page.cursor().isPresent()) {
      List<String> position = pager.position(scope, page, 2);
      where.append(" AND (f.rule_id > ? OR (f.rule_id = ? AND e.repository > ?))");
      params.addAll(List.of(position.get(0), position.get(0), position.get(1)));
    }
    return pager.page(
        page,
        "SELECT f.rule_id, e.repository, e.scan_id, f.level FROM sweep_entry e"
            + " JOIN scan_failure f ON f.scan_id = e.scan_id"
            + where
            + " ORDER BY f.rule_id, e.repository LIMIT ?",
        params,
        rows ->
            new RuleFailure(
                rows.getString(1),
                rows.getString(2),
                rows.getString(3),
                Level.fromId(rows.getString(4))),
        f -> pager.cursors().encode(scope, List.of(f.ruleId(), f.repository())));
  }

  private static Sweep sweepRow(ResultSet rows) throws SQLException {
    return new Sweep(
        rows.getString(1),
        Instant.ofEpochMilli(rows.getLong(2)),
        rows.getInt(3),
        rows.getString(4));
  }

  private static SweepEntry entryRow(ResultSet rows) throws SQLException {
    String code = rows.getString(5);
    return new SweepEntry(
        rows.getString(1),
        rows.getString(2),
        SweepEntry.State.valueOf(rows.getString(3)),
        rows.getString(4),
        code == null ? Optional.empty() : Optional.of(errorCode(code)),
        Instant.ofEpochMilli(rows.getLong(6)));
  }

  private static FleetcheckException sweepNotFound(String sweepId) {
    return new FleetcheckException(ErrorCode.SWEEP_NOT_FOUND, "no sweep " + sweepId);
  }
}
