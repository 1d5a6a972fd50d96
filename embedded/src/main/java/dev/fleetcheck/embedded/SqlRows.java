package dev.fleetcheck.embedded;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Statement helpers shared by the SQLite stores. */
final class SqlRows {

  private SqlRows() {}

  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet rows) throws SQLException;
  }

  static <T> Optional<T> queryOne(
      Connection c, String sql, List<Object> params, RowMapper<T> mapper) throws SQLException {
    List<T> rows = queryAll(c, sql, params, mapper);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  static <T> List<T> queryAll(Connection c, String sql, List<Object> params, RowMapper<T> mapper)
      throws SQLException {
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

  static int update(Connection c, String sql, List<Object> params) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      bind(statement, params);
      return statement.executeUpdate();
    }
  }

  static void bind(PreparedStatement statement, List<Object> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      statement.setObject(i + 1, params.get(i));
    }
  }

  static ErrorCode errorCode(String code) {
    for (ErrorCode candidate : ErrorCode.values()) {
      if (candidate.code().equals(code)) {
        return candidate;
      }
    }
    return ErrorCode.INTERNAL_ERROR;
  }

  static long parseLong(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new FleetcheckException(ErrorCode.CURSOR_INVALID, "the page cursor is malformed");
    }
  }
}
