package dev.fleetcheck.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The GSIs docs/data-model.md designs, read from its GSI table, so the template cannot drift. */
final class DataModelIndexes {

  /** One GSI: its name and the attribute names of its partition and sort keys. */
  record Gsi(String name, String partitionKey, String sortKey) {}

  private static final Pattern ROW =
      Pattern.compile(
          "(?m)^\\| `(gsi\\d+_\\w+)`[^|]*\\| `(\\w+) = [^`]*` \\| `(\\w+) = [^`]*` \\|");

  private DataModelIndexes() {}

  static Set<Gsi> read(Path dataModel) {
    try {
      return parse(Files.readString(dataModel));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Set<Gsi> parse(String markdown) {
    Set<Gsi> indexes = new LinkedHashSet<>();
    Matcher row = ROW.matcher(markdown);
    while (row.find()) {
      indexes.add(new Gsi(row.group(1), row.group(2), row.group(3)));
    }
    return indexes;
  }
}
