package dev.fleetcheck.core.facts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An INI file as Python's configparser reads setup.cfg, tox.ini and mypy.ini: sections, keys with
 * {@code =} or {@code :}, indented continuation lines, {@code #}/{@code ;} comments. Keys are
 * case-insensitive (lower-cased); section names keep their case.
 */
public final class IniFile {

  private final Map<String, Map<String, String>> sections;

  private IniFile(Map<String, Map<String, String>> sections) {
    this.sections = sections;
  }

  public Set<String> sections() {
    return Collections.unmodifiableSet(sections.keySet());
  }

  public boolean hasSection(String name) {
    return sections.containsKey(name);
  }

  public Map<String, String> section(String name) {
    return Collections.unmodifiableMap(sections.getOrDefault(name, Map.of()));
  }

  public Optional<String> get(String section, String key) {
    return Optional.ofNullable(sections.getOrDefault(section, Map.of()).get(key.toLowerCase()));
  }

  public static IniFile parse(String text) throws MalformedIniException {
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    Map<String, String> current = null;
    String lastKey = null;
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String raw = lines[i];
      String trimmed = raw.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";")) {
        continue;
      }
      boolean indented = Character.isWhitespace(raw.charAt(0));
      if (indented && current != null && lastKey != null) {
        current.merge(lastKey, "\n" + trimmed, String::concat);
        continue;
      }
      if (trimmed.startsWith("[")) {
        if (!trimmed.endsWith("]")) {
          throw new MalformedIniException("unclosed section header", i + 1);
        }
        String name = trimmed.substring(1, trimmed.length() - 1).strip();
        current = sections.computeIfAbsent(name, k -> new LinkedHashMap<>());
        lastKey = null;
        continue;
      }
      if (current == null) {
        throw new MalformedIniException("key outside any section", i + 1);
      }
      int eq = indexOfSeparator(trimmed);
      if (eq < 0) {
        // configparser allows keys without values only when asked to; tox and setup.cfg do not.
        throw new MalformedIniException("line is neither a section, a key nor a comment", i + 1);
      }
      lastKey = trimmed.substring(0, eq).strip().toLowerCase();
      current.put(lastKey, trimmed.substring(eq + 1).strip());
    }
    return new IniFile(sections);
  }

  private static int indexOfSeparator(String line) {
    int eq = line.indexOf('=');
    int colon = line.indexOf(':');
    if (eq < 0) {
      return colon;
    }
    return colon < 0 ? eq : Math.min(eq, colon);
  }

  /** A line the INI grammar cannot read. */
  public static final class MalformedIniException extends java.io.IOException {
    private static final long serialVersionUID = 1L;
    private final int line;

    MalformedIniException(String message, int line) {
      super(message);
      this.line = line;
    }

    public int line() {
      return line;
    }
  }
}
