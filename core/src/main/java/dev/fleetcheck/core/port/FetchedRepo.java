package dev.fleetcheck.core.port;

import java.nio.file.Path;

/**
 * A checked-out working tree of one commit. Closing it removes the work folder, whatever happened
 * to the scan (Lambda reuses /tmp).
 */
public interface FetchedRepo extends AutoCloseable {

  Path directory();

  /** The full hex SHA of the commit checked out. */
  String commit();

  @Override
  void close();
}
