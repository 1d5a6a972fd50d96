package dev.fleetcheck.embedded;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.model.FailingRule;
import dev.fleetcheck.core.model.Finding;
import dev.fleetcheck.core.model.FirstSeen;
import dev.fleetcheck.core.model.LatestFilter;
import dev.fleetcheck.core.model.Level;
import dev.fleetcheck.core.model.RuleFailure;
import dev.fleetcheck.core.model.ScanOutcome;
import dev.fleetcheck.core.model.ScanRecord;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.model.Sweep;
import dev.fleetcheck.core.model.SweepEntry;
import dev.fleetcheck.core.model.SweepProgress;
import dev.fleetcheck.core.port.Page;
import dev.fleetcheck.core.port.PageCursors;
import dev.fleetcheck.core.port.PageRequest;
import dev.fleetcheck.core.port.ResultStore;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The result store of the embedded default, in the SQLite file. Each port method is one
 * transaction, so the conditions the DynamoDB design gets from conditional writes hold here by
 * construction; the contract suite checks both the same way.
 */
public final class SqliteResultStore implements ResultStore {

  private static final String SCAN_COLUMNS =
      "s.scan_id, s.repository, s.team, s.source, s.commit_sha, s.rule_pack_digest, s.sweep_id,"
          + " s.scanned_at, s.status, s.score, s.counts, s.failing_rules, s.report_key,"
          + " s.error_code, s.error_message, s.valid_until";

  private final SqliteDatabase db;
  private final PageCursors cursors;

  public SqliteResultStore(SqliteDatabase db) {
    this.db = db;
    this.cursors = new PageCursors(cursorKey(db));
  }

  /** The key cursors are signed with: made once per data directory, kept in the file. */
  private static byte[] cursorKey(SqliteDatabase db) {
    byte[] fresh = new byte[32];
    new SecureRandom().nextBytes(fresh);
    return db.transaction(
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO setting (name, value) VALUES ('cursor_key', ?)"
                      + " ON CONFLICT (name) DO NOTHING")) {
            insert.setBytes(1, fresh);
            insert.executeUpdate();
          }
          try (PreparedStatement select =
                  c.prepareStatement("SELECT value FROM setting WHERE name = 'cursor_key'");
              ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getBytes(1);
          }
        });
  }

  // ---- scans ----

  @Override
  public boolean putScan(ScanRecord scan, List<FailingRule> failingRules) {
    return db.transaction(
        c -> {
          if (!insertScan(c, scan)) {
            return false;
          }
          insertFailingRules(c, scan.scanId(), failingRules);
          if (scan.outcome() instanceof ScanOutcome.Succeeded succeeded) {
            updateLatest(c, scan, succeeded);
          }
          return true;
        });
  }

  private static boolean insertScan(Connection c, ScanRecord scan) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO scan (scan_id, repository, team, source, commit_sha, rule_pack_digest,"
                + " sweep_id, scanned_at, status, score, counts, failing_rules, report_key,"
                + " error_code, error_message, valid_until)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (scan_id) DO NOTHING")) {
      insert.setString(1, scan.scanId());
      insert.setString(2, scan.repository());
      insert.setString(3, scan.team());
      insert.setString(4, scan.source());
      insert.setString(5, scan.commit());
      insert.setString(6, scan.rulePackDigest());
      insert.setString(7, scan.sweepId());
      insert.setLong(8, scan.scannedAt().toEpochMilli());
      if (scan.outcome() instanceof ScanOutcome.Succeeded s) {
        insert.setString(9, "succeeded");
        insert.setDouble(10, s.score());
        insert.setString(11, encodeCounts(s.counts()));
        insert.setString(12, String.join(",", s.failingRules()));
        insert.setString(13, s.reportKey());
        insert.setNull(14, java.sql.Types.VARCHAR);
        insert.setNull(15, java.sql.Types.VARCHAR);
        if (s.validUntil().isPresent()) {
          insert.setLong(16, s.validUntil().get().toEpochMilli());
        } else {
          insert.setNull(16, java.sql.Types.INTEGER);
        }
      } else {
        ScanOutcome.Failed f = (ScanOutcome.Failed) scan.outcome();
        insert.setString(9, "failed");
        insert.setNull(10, java.sql.Types.REAL);
        insert.setNull(11, java.sql.Types.VARCHAR);
        insert.setNull(12, java.sql.Types.VARCHAR);
        insert.setNull(13, java.sql.Types.VARCHAR);
        insert.setString(14, f.errorCode().code());
        insert.setString(15, f.message());
        insert.setNull(16, java.sql.Types.INTEGER);
      }
      return insert.executeUpdate() == 1;
    }
  }

  private static void insertFailingRules(Connection c, String scanId, List<FailingRule> rules)
      throws SQLException {
    try (PreparedStatement rule =
            c.prepareStatement(
                "INSERT INTO scan_failure (scan_id, rule_id, level, finding_count)"
                    + " VALUES (?, ?, ?, ?)");
        PreparedStatement finding =
            c.prepareStatement(
                "INSERT INTO scan_finding (scan_id, rule_id, ordinal, fingerprint, path, line,"
                    + " message, first_seen_at, first_scan_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (FailingRule failing : rules) {
        rule.setString(1, scanId);
        rule.setString(2, failing.ruleId());
        rule.setString(3, failing.level().id());
        rule.setInt(4, failing.findingCount());
        rule.addBatch();
        int ordinal = 0;
        for (Finding f : failing.findings()) {
          finding.setString(1, scanId);
          finding.setString(2, failing.ruleId());
          finding.setInt(3, ordinal++);
          finding.setString(4, f.fingerprint());
          finding.setString(5, f.path());
          finding.setInt(6, f.line());
          finding.setString(7, f.message());
          finding.setLong(8, f.firstSeenAt().toEpochMilli());
          finding.setString(9, f.firstScanId());
          finding.addBatch();
        }
      }
      rule.executeBatch();
      finding.executeBatch();
    }
  }

  /** Newer wins, by scan time then scan ID, so a late redelivery never hides a newer result. */
  private static void updateLatest(Connection c, ScanRecord scan, ScanOutcome.Succeeded outcome)
      throws SQLException {
    try (PreparedStatement upsert =
        c.prepareStatement(
            "INSERT INTO latest (repository, scan_id, team, band, scanned_at)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (repository) DO UPDATE SET"
                + " scan_id = excluded.scan_id, team = excluded.team, band = excluded.band,"
                + " scanned_at = excluded.scanned_at"
                + " WHERE excluded.scanned_at > latest.scanned_at"
                + " OR (excluded.scanned_at = latest.scanned_at"
                + " AND excluded.scan_id > latest.scan_id)")) {
      upsert.setString(1, scan.repository());
      upsert.setString(2, scan.scanId());
      upsert.setString(3, scan.team());
      upsert.setString(4, outcome.band().id());
      upsert.setLong(5, scan.scannedAt().toEpochMilli());
      upsert.executeUpdate();
    }
  }

  @Override
  public Optional<ScanRecord> scan(String scanId) {
    return db.read(
        c ->
            queryOne(
                c,
                "SELECT " + SCAN_COLUMNS + " FROM scan s WHERE s.scan_id = ?",
                List.of(scanId),
                SqliteResultStore::scanRecord));
  }

  @Override
  public List<FailingRule> failingRules(String scanId) {
    return db.read(
        c -> {
          Map<String, List<Finding>> findings = new LinkedHashMap<>();
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT rule_id, fingerprint, path, line, message, first_seen_at, first_scan_id"
                      + " FROM scan_finding WHERE scan_id = ? ORDER BY rule_id, ordinal")) {
            select.setString(1, scanId);
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                findings
                    .computeIfAbsent(rows.getString(1), k -> new ArrayList<>())
                    .add(
                        new Finding(
                            rows.getString(2),
                            rows.getString(3),
                            rows.getInt(4),
                            rows.getString(5),
                            Instant.ofEpochMilli(rows.getLong(6)),
                            rows.getString(7)));
              }
            }
          }
          List<FailingRule> rules = new ArrayList<>();
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT rule_id, level, finding_count FROM scan_failure WHERE scan_id = ?"
                      + " ORDER BY rule_id")) {
            select.setString(1, scanId);
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                String ruleId = rows.getString(1);
                rules.add(
                    new FailingRule(
                        ruleId,
                        Level.fromId(rows.getString(2)),
                        rows.getInt(3),
                        findings.getOrDefault(ruleId, List.of())));
              }
            }
          }
          return rules;
        });
  }

  @Override
  public Page<ScanRecord> history(String repository, PageRequest page) {
    String scope = "history|" + repository;
    List<Object> params = new ArrayList<>(List.of(repository));
    String after = "";
    if (page.cursor().isPresent()) {
      List<String> position = position(scope, page, 2);
      long at = parseLong(position.get(0));
      after = " AND (s.scanned_at < ? OR (s.scanned_at = ? AND s.scan_id < ?))";
      params.addAll(List.of(at, at, position.get(1)));
    }
    String sql =
        "SELECT "
            + SCAN_COLUMNS
            + " FROM scan s WHERE s.repository = ?"
            + after
            + " ORDER BY s.scanned_at DESC, s.scan_id DESC LIMIT ?";
    return page(
        page,
        sql,
        params,
        SqliteResultStore::scanRecord,
        s ->
            cursors.encode(
                scope, List.of(Long.toString(s.scannedAt().toEpochMilli()), s.scanId())));
  }

  @Override
  public Page<ScanRecord> latest(LatestFilter filter, PageRequest page) {
    String scope = "latest|" + filter.scope();
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (filter.team().isPresent()) {
      where.append(" AND l.team = ?");
      params.add(filter.team().get());
    }
    if (filter.band().isPresent()) {
      where.append(" AND l.band = ?");
      params.add(filter.band().get().id());
    }
    if (filter.failingRule().isPresent()) {
      where.append(
          " AND EXISTS (SELECT 1 FROM scan_failure f WHERE f.scan_id = l.scan_id"
              + " AND f.rule_id = ?)");
      params.add(filter.failingRule().get());
    }
    if (page.cursor().isPresent()) {
      where.append(" AND l.repository > ?");
      params.add(position(scope, page, 1).get(0));
    }
    String sql =
        "SELECT "
            + SCAN_COLUMNS
            + " FROM latest l JOIN scan s ON s.scan_id = l.scan_id"
            + where
            + " ORDER BY l.repository LIMIT ?";
    return page(
        page,
        sql,
        params,
        SqliteResultStore::scanRecord,
        s -> cursors.encode(scope, List.of(s.repository())));
  }

  // ---- findings ----

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

  // ---- sweeps ----

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
        SqliteResultStore::sweepRow);
  }

  @Override
  public Page<Sweep> sweeps(PageRequest page) {
    String scope = "sweeps";
    String after = "";
    List<Object> params = new ArrayList<>();
    if (page.cursor().isPresent()) {
      List<String> position = position(scope, page, 2);
      long at = parseLong(position.get(0));
      after = " WHERE started_at < ? OR (started_at = ? AND sweep_id < ?)";
      params.addAll(List.of(at, at, position.get(1)));
    }
    return page(
        page,
        "SELECT sweep_id, started_at, expected, rule_pack_digest FROM sweep"
            + after
            + " ORDER BY started_at DESC, sweep_id DESC LIMIT ?",
        params,
        SqliteResultStore::sweepRow,
        s ->
            cursors.encode(
                scope, List.of(Long.toString(s.startedAt().toEpochMilli()), s.sweepId())));
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
              SqliteResultStore::sweepRow);
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
        SqliteResultStore::entryRow);
  }

  @Override
  public Page<SweepEntry> failedEntries(String sweepId, PageRequest page) {
    String scope = "failed|" + sweepId;
    List<Object> params = new ArrayList<>(List.of(sweepId));
    String after = "";
    if (page.cursor().isPresent()) {
      after = " AND repository > ?";
      params.add(position(scope, page, 1).get(0));
    }
    return page(
        page,
        "SELECT sweep_id, repository, state, scan_id, error_code, recorded_at FROM sweep_entry"
            + " WHERE sweep_id = ? AND state = 'FAILED'"
            + after
            + " ORDER BY repository LIMIT ?",
        params,
        SqliteResultStore::entryRow,
        e -> cursors.encode(scope, List.of(e.repository())));
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
      List<String> position = position(scope, page, 2);
      where.append(" AND (f.rule_id > ? OR (f.rule_id = ? AND e.repository > ?))");
      params.addAll(List.of(position.get(0), position.get(0), position.get(1)));
    }
    return page(
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
        f -> cursors.encode(scope, List.of(f.ruleId(), f.repository())));
  }

  // ---- idempotency ----

  @Override
  public Optional<String> claimIdempotencyKey(
      String key, String value, Instant now, Instant expiresAt) {
    return db.transaction(
        c -> {
          Optional<String> held =
              queryOne(
                  c,
                  "SELECT value FROM idempotency_key WHERE key = ? AND expires_at > ?",
                  List.of(key, now.toEpochMilli()),
                  rows -> rows.getString(1));
          if (held.isPresent()) {
            return held;
          }
          update(
              c,
              "INSERT INTO idempotency_key (key, value, expires_at) VALUES (?, ?, ?)"
                  + " ON CONFLICT (key) DO UPDATE SET value = excluded.value,"
                  + " expires_at = excluded.expires_at",
              List.of(key, value, expiresAt.toEpochMilli()));
          return Optional.empty();
        });
  }

  // ---- rows and paging ----

  @FunctionalInterface
  private interface RowMapper<T> {
    T map(ResultSet rows) throws SQLException;
  }

  private List<String> position(String scope, PageRequest page, int parts) {
    List<String> position = cursors.decode(scope, page.cursor().orElseThrow());
    if (position.size() != parts) {
      throw new FleetcheckException(ErrorCode.CURSOR_INVALID, "the page cursor is malformed");
    }
    return position;
  }

  private <T> Page<T> page(
      PageRequest page,
      String sql,
      List<Object> params,
      RowMapper<T> mapper,
      Function<T, String> cursorOf) {
    List<Object> all = new ArrayList<>(params);
    all.add(page.limit() + 1);
    List<T> rows = db.read(c -> queryAll(c, sql, all, mapper));
    if (rows.size() <= page.limit()) {
      return Page.last(rows);
    }
    List<T> items = rows.subList(0, page.limit());
    return new Page<>(items, Optional.of(cursorOf.apply(items.get(items.size() - 1))));
  }

  private static <T> Optional<T> queryOne(
      Connection c, String sql, List<Object> params, RowMapper<T> mapper) throws SQLException {
    List<T> rows = queryAll(c, sql, params, mapper);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  private static <T> List<T> queryAll(
      Connection c, String sql, List<Object> params, RowMapper<T> mapper) throws SQLException {
    try (PreparedStatement select = c.prepareStatement(sql)) {
      bind(select, params);
      try (ResultSet rows = select.executeQuery()) {
        List<T> result = new ArrayList<>();
        while (rows.next()) {
          result.add(mapper.map(rows));
        }
        return result;
      }
    }
  }

  private static int update(Connection c, String sql, List<Object> params) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      bind(statement, params);
      return statement.executeUpdate();
    }
  }

  private static void bind(PreparedStatement statement, List<Object> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      statement.setObject(i + 1, params.get(i));
    }
  }

  private static ScanRecord scanRecord(ResultSet rows) throws SQLException {
    ScanOutcome outcome =
        "succeeded".equals(rows.getString(9))
            ? new ScanOutcome.Succeeded(
                rows.getDouble(10),
                decodeCounts(rows.getString(11)),
                splitRules(rows.getString(12)),
                rows.getString(13),
                optionalInstant(rows, 16))
            : new ScanOutcome.Failed(errorCode(rows.getString(14)), rows.getString(15));
    return new ScanRecord(
        rows.getString(1),
        rows.getString(2),
        rows.getString(3),
        rows.getString(4),
        rows.getString(5),
        rows.getString(6),
        rows.getString(7),
        Instant.ofEpochMilli(rows.getLong(8)),
        outcome);
  }

  private static Optional<Instant> optionalInstant(ResultSet rows, int column) throws SQLException {
    long millis = rows.getLong(column);
    return rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
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

  private static ErrorCode errorCode(String code) {
    for (ErrorCode candidate : ErrorCode.values()) {
      if (candidate.code().equals(code)) {
        return candidate;
      }
    }
    return ErrorCode.INTERNAL_ERROR;
  }

  private static String encodeCounts(Map<Status, Integer> counts) {
    StringBuilder text = new StringBuilder();
    for (Status status : Status.values()) {
      if (text.length() > 0) {
        text.append(',');
      }
      text.append(status.name()).append('=').append(counts.getOrDefault(status, 0));
    }
    return text.toString();
  }

  private static Map<Status, Integer> decodeCounts(String text) {
    Map<Status, Integer> counts = new EnumMap<>(Status.class);
    for (String pair : text.split(",")) {
      int equals = pair.indexOf('=');
      counts.put(
          Status.valueOf(pair.substring(0, equals)), Integer.parseInt(pair.substring(equals + 1)));
    }
    return counts;
  }

  private static List<String> splitRules(String text) {
    return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split(","));
  }

  private static long parseLong(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new FleetcheckException(ErrorCode.CURSOR_INVALID, "the page cursor is malformed");
    }
  }

  private static FleetcheckException sweepNotFound(String sweepId) {
    return new FleetcheckException(ErrorCode.SWEEP_NOT_FOUND, "no sweep " + sweepId);
  }
}
