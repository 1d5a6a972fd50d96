package dev.fleetcheck.embedded;

import java.util.List;

/** One step of the schema; applied once, in version order, inside its own transaction. */
record Migration(int version, String description, List<String> statements) {

  Migration {
    statements = List.copyOf(statements);
  }
}
