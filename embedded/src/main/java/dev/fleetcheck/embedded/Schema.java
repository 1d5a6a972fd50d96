package dev.fleetcheck.embedded;

import java.util.List;

/**
 * The versioned schema of the embedded store. Append a migration to change it; never edit one that
 * has shipped, because databases in users' data directories have already applied it. Times are
 * epoch milliseconds.
 */
final class Schema {

  private Schema() {}

  static final List<Migration> MIGRATIONS =
      List.of(
          new Migration(
              1,
              "results: scans, failing rules, findings, latest, sweeps, idempotency keys",
              List.of(
                  "CREATE TABLE setting (name TEXT PRIMARY KEY, value BLOB NOT NULL)",
                  """
                  CREATE TABLE scan (
                    scan_id TEXT PRIMARY KEY,
                    repository TEXT NOT NULL,
                    team TEXT NOT NULL,
                    source TEXT NOT NULL,
                    commit_sha TEXT NOT NULL,
                    rule_pack_digest TEXT NOT NULL,
                    sweep_id TEXT NOT NULL,
                    scanned_at INTEGER NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('succeeded', 'failed')),
                    score REAL,
                    counts TEXT,
                    failing_rules TEXT,
                    report_key TEXT,
                    error_code TEXT,
                    error_message TEXT)""",
                  "CREATE INDEX scan_history ON scan (repository, scanned_at, scan_id)",
                  """
                  CREATE TABLE scan_failure (
                    scan_id TEXT NOT NULL REFERENCES scan (scan_id),
                    rule_id TEXT NOT NULL,
                    level TEXT NOT NULL,
                    finding_count INTEGER NOT NULL,
                    PRIMARY KEY (scan_id, rule_id))""",
                  """
                  CREATE TABLE scan_finding (
                    scan_id TEXT NOT NULL,
                    rule_id TEXT NOT NULL,
                    ordinal INTEGER NOT NULL,
                    fingerprint TEXT NOT NULL,
                    path TEXT NOT NULL,
                    line INTEGER NOT NULL,
                    message TEXT NOT NULL,
                    first_seen_at INTEGER NOT NULL,
                    first_scan_id TEXT NOT NULL,
                    PRIMARY KEY (scan_id, rule_id, ordinal),
                    FOREIGN KEY (scan_id, rule_id) REFERENCES scan_failure (scan_id, rule_id))""",
                  """
                  CREATE TABLE latest (
                    repository TEXT PRIMARY KEY,
                    scan_id TEXT NOT NULL REFERENCES scan (scan_id),
                    team TEXT NOT NULL,
                    band TEXT NOT NULL,
                    scanned_at INTEGER NOT NULL)""",
                  "CREATE INDEX latest_by_team ON latest (team, repository)",
                  "CREATE INDEX latest_by_band ON latest (band, repository)",
                  """
                  CREATE TABLE finding_first_seen (
                    repository TEXT NOT NULL,
                    fingerprint TEXT NOT NULL,
                    first_seen_at INTEGER NOT NULL,
                    first_scan_id TEXT NOT NULL,
                    PRIMARY KEY (repository, fingerprint))""",
                  """
                  CREATE TABLE sweep (
                    sweep_id TEXT PRIMARY KEY,
                    started_at INTEGER NOT NULL,
                    expected INTEGER NOT NULL,
                    rule_pack_digest TEXT NOT NULL,
                    done INTEGER NOT NULL DEFAULT 0,
                    failed INTEGER NOT NULL DEFAULT 0)""",
                  "CREATE INDEX sweep_by_start ON sweep (started_at, sweep_id)",
                  """
                  CREATE TABLE sweep_entry (
                    sweep_id TEXT NOT NULL REFERENCES sweep (sweep_id),
                    repository TEXT NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('DONE', 'FAILED')),
                    scan_id TEXT NOT NULL,
                    error_code TEXT,
                    recorded_at INTEGER NOT NULL,
                    PRIMARY KEY (sweep_id, repository))""",
                  """
                  CREATE TABLE idempotency_key (
                    key TEXT PRIMARY KEY,
                    value TEXT NOT NULL,
                    expires_at INTEGER NOT NULL)""")),
          new Migration(
              2,
              "durable job queue with visibility timeout and dead letters",
              List.of(
                  """
                  CREATE TABLE queue_message (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    queue TEXT NOT NULL,
                    message_id TEXT NOT NULL UNIQUE,
                    body TEXT NOT NULL,
                    sent_at INTEGER NOT NULL,
                    visible_at INTEGER NOT NULL,
                    receive_count INTEGER NOT NULL DEFAULT 0,
                    receipt_handle TEXT UNIQUE,
                    last_failure TEXT,
                    dead_at INTEGER)""",
                  "CREATE INDEX queue_ready ON queue_message (queue, dead_at, visible_at, seq)")),
          new Migration(
              3,
              "idempotency keys name their request and point at a job only once it is queued",
              List.of(
                  "ALTER TABLE idempotency_key ADD COLUMN request_hash TEXT NOT NULL DEFAULT ''",
                  "ALTER TABLE idempotency_key ADD COLUMN state TEXT NOT NULL DEFAULT 'queued'",
                  "ALTER TABLE idempotency_key ADD COLUMN claimed_at INTEGER NOT NULL DEFAULT 0")),
          new Migration(
              4,
              "scans record until when the waivers they applied hold",
              List.of("ALTER TABLE scan ADD COLUMN valid_until INTEGER")));
}
