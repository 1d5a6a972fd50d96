package dev.fleetcheck.core.facts.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.core.facts.ConfigParsers;
import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.facts.IniFile;
import dev.fleetcheck.core.facts.Parsed;
import dev.fleetcheck.core.facts.TextLines;
import dev.fleetcheck.core.facts.aws.ServerlessTemplate;
import dev.fleetcheck.core.facts.aws.ServerlessTemplates;
import dev.fleetcheck.core.model.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every place the repository pins or constrains its Python version: {@code .python-version} holding
 * a version, {@code [project] requires-python}, poetry's {@code python} dependency,
 * setup.cfg/setup.py {@code python_requires}, Pipfile {@code [requires]}, {@code runtime.txt}, a
 * {@code .tool-versions} python entry, and SAM/Serverless Python runtimes.
 */
public final class PythonVersionDeclarations {

  public static final Fact<List<Evidence>> FACT =
      Fact.of("python.version.declarations", PythonVersionDeclarations::find);

  private static final Pattern VERSION_LINE =
      Pattern.compile("^\\s*(?:cpython-|python-?|pypy)?\\d+(?:\\.\\d+)*");
  private static final Pattern RUNTIME_TXT = Pattern.compile("^\\s*python-\\d");
  private static final Pattern TOOL_VERSIONS_PYTHON = Pattern.compile("^\\s*python\\s+\\S*\\d");
  private static final Pattern SETUP_PY_REQUIRES =
      Pattern.compile("\\bpython_requires\\s*=\\s*[\"']");

  private PythonVersionDeclarations() {}

  private static List<Evidence> find(Facts facts) {
    List<Evidence> found = new ArrayList<>();
    List<String> roots = facts.get(ConfigRoots.FACT);
    for (String root : roots) {
      lineMatching(facts, root + ".python-version", VERSION_LINE, "pinned Python version", found);
    }
    for (Pyproject.RootPyproject py : facts.get(Pyproject.AT_ROOTS)) {
      JsonNode requires = py.node("project", "requires-python");
      if (requires.isTextual() && !requires.asText().isBlank()) {
        found.add(
            Evidence.at(
                py.path(),
                TextLines.keyLine(py.text(), "requires-python"),
                "requires-python = \"" + requires.asText() + "\""));
      }
      JsonNode poetry = py.node("tool", "poetry", "dependencies", "python");
      if (poetry.isTextual() && !poetry.asText().isBlank()) {
        found.add(
            Evidence.at(
                py.path(),
                TextLines.keyLine(py.text(), "python"),
                "poetry python = \"" + poetry.asText() + "\""));
      }
    }
    for (String root : roots) {
      setupCfg(facts, root + "setup.cfg", found);
      lineMatching(facts, root + "setup.py", SETUP_PY_REQUIRES, "setup.py python_requires", found);
      pipfile(facts, root + "Pipfile", found);
    }
    lineMatching(facts, "runtime.txt", RUNTIME_TXT, "runtime.txt Python version", found);
    lineMatching(
        facts, ".tool-versions", TOOL_VERSIONS_PYTHON, ".tool-versions python entry", found);
    for (ServerlessTemplate template : facts.get(ServerlessTemplates.FACT)) {
      found.addAll(template.pythonRuntimes());
    }
    return List.copyOf(found);
  }

  private static void lineMatching(
      Facts facts, String path, Pattern pattern, String what, List<Evidence> found) {
    facts
        .snapshot()
        .readText(path)
        .ifPresent(
            text -> {
              List<String> lines = TextLines.of(text);
              for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (!line.strip().startsWith("#") && pattern.matcher(line).find()) {
                  found.add(Evidence.at(path, i + 1, what));
                  return;
                }
              }
            });
  }

  private static void setupCfg(Facts facts, String path, List<Evidence> found) {
    if (!facts.snapshot().exists(path)) {
      return;
    }
    Optional<IniFile> ini = ConfigParsers.ini(facts, path).asOptional();
    if (ini.flatMap(i -> i.get("options", "python_requires"))
        .filter(v -> !v.isBlank())
        .isPresent()) {
      String text = facts.snapshot().readText(path).orElse("");
      found.add(
          Evidence.at(
              path, TextLines.keyLine(text, "python_requires"), "setup.cfg python_requires"));
    }
  }

  private static void pipfile(Facts facts, String path, List<Evidence> found) {
    if (!facts.snapshot().exists(path)) {
      return;
    }
    if (ConfigParsers.toml(facts, path) instanceof Parsed.Ok<JsonNode> ok) {
      JsonNode requires = ok.value().path("requires");
      for (String key : List.of("python_version", "python_full_version")) {
        if (requires.path(key).isTextual()) {
          String text = facts.snapshot().readText(path).orElse("");
          found.add(Evidence.at(path, TextLines.keyLine(text, key), "Pipfile " + key));
          return;
        }
      }
    }
  }
}
