package dev.fleetcheck.embedded;

import static dev.fleetcheck.embedded.SqlRows.queryAll;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.port.Page;
import dev.fleetcheck.core.port.PageCursors;
import dev.fleetcheck.core.port.PageRequest;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Keyset pages over SQLite queries with tamper-evident cursors, signed with a key made once per
 * data directory and kept in the file.
 */
final class SqlPager {

  private final SqliteDatabase db;
  private final PageCursors cursors;

  SqlPager(SqliteDatabase db) {
    this.db = db;
    this.cursors = new PageCursors(cursorKey(db));
  }

  PageCursors cursors() {
    return cursors;
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

  List<String> position(String scope, PageRequest page, int parts) {
    List<String> position = cursors.decode(scope, page.cursor().orElseThrow());
    if (position.size() != parts) {
      throw new FleetcheckException(ErrorCode.CURSOR_INVALID, "the page cursor is malformed");
    }
    return position;
  }

  <T> Page<T> page(
      PageRequest page,
      String sql,
      List<Object> params,
      SqlRows.RowMapper<T> mapper,
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
}
