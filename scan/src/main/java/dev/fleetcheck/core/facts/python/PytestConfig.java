package dev.fleetcheck.core.facts.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.core.facts.ConfigParsers;
import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.facts.IniFile;
import dev.fleetcheck.core.facts.LineIndex;
import dev.fleetcheck.core.facts.Parsed;
import dev.fleetcheck.core.facts.TextLines;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pytest's configuration at the config roots: {@code [tool.pytest.ini_options]} and pytest 9's
 * native {@code [tool.pytest]} in pyproject.toml, {@code pytest.ini}/{@code .pytest.ini}, {@code
 * [pytest]} in tox.ini, {@code [tool:pytest]} in setup.cfg; plus every {@code conftest.py} (test
 * code anywhere) and the markers it registers with {@code addinivalue_line("markers", ...)}.
 */
public record PytestConfig(
    List<Evidence> configuredAt,
    List<Evidence> conftests,
    List<String> addopts,
    List<Marker> markers,
    List<String> filterwarnings) {

  public static final Fact<PytestConfig> FACT = Fact.of("pytest.config", PytestConfig::read);

  /** A registered marker: its name and where it is registered. */
  public record Marker(String name, Evidence where) {}

  private static final Pattern MARKER_NAME = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern CONFTEST_MARKER =
      Pattern.compile(
          "addinivalue_line\\(\\s*[\"']markers[\"']\\s*,\\s*[rfb]?[\"']\\s*([A-Za-z_][A-Za-z0-9_]*)");

  public PytestConfig {
    configuredAt = List.copyOf(configuredAt);
    conftests = List.copyOf(conftests);
    addopts = List.copyOf(addopts);
    markers = List.copyOf(markers);
    filterwarnings = List.copyOf(filterwarnings);
  }

  private static PytestConfig read(Facts facts) {
    Builder builder = new Builder();
    for (Pyproject.RootPyproject py : facts.get(Pyproject.AT_ROOTS)) {
      JsonNode iniOptions = py.node("tool", "pytest", "ini_options");
      if (iniOptions.isObject()) {
        builder.fromTable(iniOptions, py.path(), py.text(), "[tool.pytest.ini_options]");
      }
      JsonNode pytest = py.node("tool", "pytest");
      if (pytest.isObject() && (pytest.size() > 1 || !pytest.has("ini_options"))) {
        builder.fromTable(pytest, py.path(), py.text(), "[tool.pytest]");
      }
    }
    for (String root : facts.get(ConfigRoots.FACT)) {
      builder.fromIni(facts, root + "pytest.ini", "pytest");
      builder.fromIni(facts, root + ".pytest.ini", "pytest");
      builder.fromIni(facts, root + "tox.ini", "pytest");
      builder.fromIni(facts, root + "setup.cfg", "tool:pytest");
    }
    for (SourceFile file : facts.snapshot().files()) {
      if (file.name().equals("conftest.py")) {
        builder.conftests.add(Evidence.file(file.path(), "conftest.py"));
        facts
            .snapshot()
            .readText(file.path())
            .ifPresent(text -> builder.conftestMarkers(file.path(), text));
      }
    }
    return new PytestConfig(
        builder.configuredAt,
        builder.conftests,
        builder.addopts,
        builder.markers,
        builder.filterwarnings);
  }

  private static final class Builder {
    final List<Evidence> configuredAt = new ArrayList<>();
    final List<Evidence> conftests = new ArrayList<>();
    final List<String> addopts = new ArrayList<>();
    final List<Marker> markers = new ArrayList<>();
    final List<String> filterwarnings = new ArrayList<>();

    void fromTable(JsonNode table, String path, String text, String where) {
      String header = where.substring(1, where.length() - 1);
      int line = TextLines.tableLine(text, header);
      configuredAt.add(Evidence.at(path, line, "pytest configured in " + where));
      JsonNode opts = table.path("addopts");
      if (opts.isTextual()) {
        addopts.add(opts.asText());
      } else if (opts.isArray()) {
        List<String> words = new ArrayList<>();
        opts.forEach(w -> words.add(w.asText()));
        addopts.add(String.join(" ", words));
      }
      LineIndex.Cursor index = LineIndex.of(text).cursor();
      for (JsonNode marker : table.path("markers")) {
        addMarker(marker.asText(), path, index);
      }
      JsonNode filters = table.path("filterwarnings");
      if (filters.isArray()) {
        filters.forEach(f -> filterwarnings.add(f.asText()));
      } else if (filters.isTextual()) {
        lines(filters.asText()).forEach(filterwarnings::add);
      }
    }

    void fromIni(Facts facts, String path, String section) {
      if (!facts.snapshot().exists(path)) {
        return;
      }
      Parsed<IniFile> parsed = ConfigParsers.ini(facts, path);
      if (!(parsed instanceof Parsed.Ok<IniFile> ok) || !ok.value().hasSection(section)) {
        return;
      }
      String text = facts.snapshot().readText(path).orElse("");
      int line =
          TextLines.firstMatch(text, Pattern.compile("^\\s*\\[" + Pattern.quote(section) + "\\]"));
      configuredAt.add(Evidence.at(path, line, "pytest configured in [" + section + "]"));
      IniFile ini = ok.value();
      ini.get(section, "addopts").ifPresent(v -> addopts.add(v.replace('\n', ' ')));
      LineIndex.Cursor index = LineIndex.of(text).cursor();
      ini.get(section, "markers").ifPresent(v -> lines(v).forEach(m -> addMarker(m, path, index)));
      ini.get(section, "filterwarnings").ifPresent(v -> lines(v).forEach(filterwarnings::add));
    }

    void addMarker(String declaration, String path, LineIndex.Cursor text) {
      Matcher name = MARKER_NAME.matcher(declaration);
      if (name.find()) {
        int line = text.lineOfNext(declaration.strip());
        markers.add(
            new Marker(name.group(1), Evidence.at(path, line, "marker `" + name.group(1) + "`")));
      }
    }

    void conftestMarkers(String path, String text) {
      LineIndex lines = LineIndex.of(text);
      Matcher marker = CONFTEST_MARKER.matcher(text);
      while (marker.find()) {
        markers.add(
            new Marker(
                marker.group(1),
                Evidence.at(
                    path, lines.lineAt(marker.start()), "marker `" + marker.group(1) + "`")));
      }
    }

    private static List<String> lines(String value) {
      return value.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
  }
}
