package dev.fleetcheck.embedded;

import static dev.fleetcheck.embedded.SqlRows.errorCode;
import static dev.fleetcheck.embedded.SqlRows.parseLong;
import static dev.fleetcheck.embedded.SqlRows.queryOne;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.model.FailingRule;
import dev.fleetcheck.core.model.Finding;
import dev.fleetcheck.core.model.LatestFilter;
import dev.fleetcheck.core.model.Level;
import dev.fleetcheck.core.model.ScanOutcome;
import dev.fleetcheck.core.model.ScanRecord;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.port.Page;
import dev.fleetcheck.core.port.PageRequest;
import dev.fleetcheck.core.port.ScanStore;
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

/**
 * Scan records, failing rules and each repository's latest scan, in the SQLite file. Each method is
 * one transaction.
 */
final class SqliteScanStore implements ScanStore {
  private static final String SCAN_COLUMNS =
      "s.scan_id, s.repository, s.team, s.source, s.commit_sha, s.rule_pack_digest, s.sweep_id,"
          + " s.scanned_at, s.status, s.score, s.counts, s.failing_rules, s.report_key,"
          + " s.error_code, s.error_message, s.valid_until";

  private final SqliteDatabase db;
  private final SqlPager pager;

  SqliteScanStore(SqliteDatabase db, SqlPager pager) {
    this.db = db;
    this.pager = pager;
  }

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
                SqliteScanStore::scanRecord));
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
      List<String> position = pager.position(scope, page, 2);
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
    return pager.page(
        page,
        sql,
        params,
        SqliteScanStore::scanRecord,
        s ->
            pager
                .cursors()
                .encode(scope, List.of(Long.toString(s.scannedAt().toEpochMilli()), s.scanId())));
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
      params.add(pager.position(scope, page, 1).get(0));
    }
    String sql =
        "SELECT "
            + SCAN_COLUMNS
            + " FROM latest l JOIN scan s ON s.scan_id = l.scan_id"
            + where
            + " ORDER BY l.repository LIMIT ?";
    return pager.page(
        page,
        sql,
        params,
        SqliteScanStore::scanRecord,
        s -> pager.cursors().encode(scope, List.of(s.repository())));
  }

  private static Optional<Instant> optionalInstant(ResultSet rows, int column) throws SQLException {
    long millis = rows.getLong(column);
    return rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
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
}
