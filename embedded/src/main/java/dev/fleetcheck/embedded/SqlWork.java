package dev.fleetcheck.embedded;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of work run inside one SQLite transaction. */
@FunctionalInterface
interface SqlWork<T> {
  T run(Connection connection) throws SQLException;
}
