package dev.fleetcheck.core.facts.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.core.facts.ConfigParsers;
import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.facts.IniFile;
import dev.fleetcheck.core.facts.LineIndex;
import dev.fleetcheck.core.facts.TextLines;
import dev.fleetcheck.core.model.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Console scripts declared at the config roots: {@code [project.scripts]}, {@code
 * [tool.poetry.scripts]}, setup.cfg {@code [options.entry_points] console_scripts} and setup.py
 * {@code console_scripts} (text level). Each as evidence naming the script.
 */
public final class ConsoleScripts {

  public static final Fact<List<Evidence>> FACT = Fact.of("console.scripts", ConsoleScripts::find);

  private static final Pattern SETUP_PY_CONSOLE_SCRIPTS =
      Pattern.compile("[\"']console_scripts[\"']");

  private ConsoleScripts() {}

  private static List<Evidence> find(Facts facts) {
    List<Evidence> scripts = new ArrayList<>();
    for (Pyproject.RootPyproject py : facts.get(Pyproject.AT_ROOTS)) {
      table(py, scripts, "[project.scripts]", "project", "scripts");
      table(py, scripts, "[tool.poetry.scripts]", "tool", "poetry", "scripts");
    }
    for (String root : facts.get(ConfigRoots.FACT)) {
      setupCfg(facts, root + "setup.cfg", scripts);
      String setupPy = root + "setup.py";
      facts
          .snapshot()
          .readText(setupPy)
          .ifPresent(
              text -> {
                int line = TextLines.firstMatch(text, SETUP_PY_CONSOLE_SCRIPTS);
                if (line > 0) {
                  scripts.add(Evidence.at(setupPy, line, "console_scripts entry points"));
                }
              });
    }
    return List.copyOf(scripts);
  }

  private static void table(
      Pyproject.RootPyproject py, List<Evidence> scripts, String where, String... keys) {
    JsonNode table = py.node(keys);
    LineIndex lines = py.lines();
    for (Map.Entry<String, JsonNode> script : table.properties()) {
      scripts.add(
          Evidence.at(
              py.path(),
              lines.keyLine(script.getKey()),
              "console script `" + script.getKey() + "` in " + where));
    }
  }

  private static void setupCfg(Facts facts, String path, List<Evidence> scripts) {
    if (!facts.snapshot().exists(path)) {
      return;
    }
    Optional<IniFile> ini = ConfigParsers.ini(facts, path).asOptional();
    Optional<String> value = ini.flatMap(i -> i.get("options.entry_points", "console_scripts"));
    if (value.isPresent() && !value.get().isBlank()) {
      String text = facts.snapshot().readText(path).orElse("");
      scripts.add(
          Evidence.at(
              path,
              TextLines.firstMatch(text, Pattern.compile("^\\s*console_scripts\\s*[=:]")),
              "console_scripts in [options.entry_points]"));
    }
  }
}
