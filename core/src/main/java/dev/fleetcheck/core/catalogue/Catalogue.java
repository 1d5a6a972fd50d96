package dev.fleetcheck.core.catalogue;

import dev.fleetcheck.core.model.Level;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every numbered rule of the standard (version {@value #STANDARD_VERSION}), loaded from {@code
 * standard-rules.tsv}: one line per rule, tab-separated ID, section, level and title.
 */
public final class Catalogue {

  public static final String STANDARD_VERSION = "1.3.2";
  private static final String RESOURCE = "standard-rules.tsv";

  private final Map<String, CatalogueEntry> entries;

  private Catalogue(Map<String, CatalogueEntry> entries) {
    this.entries = Collections.unmodifiableMap(entries);
  }

  public static Catalogue standard() {
    return Holder.STANDARD;
  }

  /** Entries in the standard's own order. */
  public List<CatalogueEntry> entries() {
    return List.copyOf(entries.values());
  }

  public Optional<CatalogueEntry> entry(String id) {
    return Optional.ofNullable(entries.get(id));
  }

  public int size() {
    return entries.size();
  }

  static Catalogue parse(InputStream in) throws IOException {
    Map<String, CatalogueEntry> entries = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        if (cells.length != 4) {
          problems.add("line " + number + ": expected 4 tab-separated cells");
          continue;
        }
        CatalogueEntry entry =
            new CatalogueEntry(cells[0], cells[1], Level.fromId(cells[2]), cells[3]);
        if (entries.putIfAbsent(entry.id(), entry) != null) {
          problems.add("line " + number + ": duplicate " + entry.id());
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("broken rule catalogue: " + String.join("; ", problems));
    }
    return new Catalogue(entries);
  }

  private static final class Holder {
    static final Catalogue STANDARD = load();

    private static Catalogue load() {
      try (InputStream in = Catalogue.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + RESOURCE);
        }
        return parse(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
