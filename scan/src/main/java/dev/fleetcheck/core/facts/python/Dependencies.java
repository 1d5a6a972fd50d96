package dev.fleetcheck.core.facts.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.core.facts.ConfigParsers;
import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.facts.IniFile;
import dev.fleetcheck.core.facts.LineIndex;
import dev.fleetcheck.core.facts.Parsed;
import dev.fleetcheck.core.model.Evidence;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects declared dependencies at every config root from: {@code [project]} dependencies and
 * optional-dependencies, {@code [dependency-groups]}, poetry dependencies, dev-dependencies and
 * groups, {@code [tool.uv] dev-dependencies}, pdm dev-dependencies, hatch environment dependencies
 * (pyproject.toml or hatch.toml), requirements files, setup.cfg install_requires / extras_require /
 * tests_require, setup.py (text level) and Pipfile.
 */
public final class Dependencies {

  public static final Fact<DeclaredDependencies> FACT =
      Fact.of("dependencies", Dependencies::collect);

  private static final Set<String> PIPFILE_NON_PACKAGE_TABLES =
      Set.of("source", "requires", "scripts", "pipenv");
  private static final Pattern SETUP_KEYWORD =
      Pattern.compile("\\b(install_requires|tests_require|extras_require)\\s*=\\s*");
  private static final Pattern VARIABLE = Pattern.compile("\\G([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern ASSIGNMENT =
      Pattern.compile("(?m)^[ \\t]*([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(?=[\\[{(])");
  private static final Pattern STRING_LITERAL = Pattern.compile("(['\"])((?:(?!\\1).)*)\\1");

  private Dependencies() {}

  private static DeclaredDependencies collect(Facts facts) {
    Collector collector = new Collector();
    for (Pyproject.RootPyproject pyproject : facts.get(Pyproject.AT_ROOTS)) {
      fromPyproject(pyproject, collector);
    }
    for (RequirementsFiles.RequirementsFile file : facts.get(RequirementsFiles.FACT)) {
      for (RequirementsFiles.Entry entry : file.entries()) {
        collector.add(
            entry.requirement().name(),
            Evidence.at(file.path(), entry.line(), "declared in " + file.path()));
      }
    }
    for (String root : facts.get(ConfigRoots.FACT)) {
      fromHatchToml(facts, root + "hatch.toml", collector);
      fromSetupCfg(facts, root + "setup.cfg", collector);
      fromSetupPy(facts, root + "setup.py", collector);
      fromPipfile(facts, root + "Pipfile", collector);
    }
    return new DeclaredDependencies(collector.found);
  }

  private static void fromPyproject(Pyproject.RootPyproject py, Collector collector) {
    String path = py.path();
    LineIndex text = py.lines();
    stringList(py.node("project", "dependencies"), path, text, "[project] dependencies", collector);
    eachList(
        py.node("project", "optional-dependencies"),
        path,
        text,
        "[project.optional-dependencies]",
        collector);
    eachList(py.node("dependency-groups"), path, text, "[dependency-groups]", collector);
    stringList(
        py.node("tool", "uv", "dev-dependencies"),
        path,
        text,
        "[tool.uv] dev-dependencies",
        collector);
    eachList(
        py.node("tool", "pdm", "dev-dependencies"),
        path,
        text,
        "[tool.pdm.dev-dependencies]",
        collector);
    JsonNode poetry = py.node("tool", "poetry");
    keys(poetry.path("dependencies"), path, text, "[tool.poetry.dependencies]", collector);
    keys(poetry.path("dev-dependencies"), path, text, "[tool.poetry.dev-dependencies]", collector);
    for (Iterator<Map.Entry<String, JsonNode>> groups =
            poetry.path("group").properties().iterator();
        groups.hasNext(); ) {
      Map.Entry<String, JsonNode> group = groups.next();
      keys(
          group.getValue().path("dependencies"),
          path,
          text,
          "[tool.poetry.group." + group.getKey() + ".dependencies]",
          collector);
    }
    hatchEnvs(py.node("tool", "hatch", "envs"), path, text, "[tool.hatch.envs.", collector);
  }

  private static void fromHatchToml(Facts facts, String path, Collector collector) {
    Parsed<JsonNode> parsed = ConfigParsers.toml(facts, path);
    if (parsed instanceof Parsed.Ok<JsonNode> ok) {
      LineIndex text = LineIndex.of(facts.snapshot().readText(path).orElse(""));
      hatchEnvs(ok.value().path("envs"), path, text, "[envs.", collector);
    }
  }

  private static void hatchEnvs(
      JsonNode envs, String path, LineIndex text, String tablePrefix, Collector collector) {
    for (Iterator<Map.Entry<String, JsonNode>> it = envs.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> env = it.next();
      String where = tablePrefix + env.getKey() + "]";
      stringList(env.getValue().path("dependencies"), path, text, where, collector);
      stringList(env.getValue().path("extra-dependencies"), path, text, where, collector);
    }
  }

  private static void eachList(
      JsonNode table, String path, LineIndex text, String where, Collector collector) {
    for (Iterator<JsonNode> lists = table.elements(); lists.hasNext(); ) {
      stringList(lists.next(), path, text, where, collector);
    }
  }

  private static void stringList(
      JsonNode list, String path, LineIndex text, String where, Collector collector) {
    if (!list.isArray()) {
      return;
    }
    for (JsonNode item : list) {
      if (!item.isTextual()) {
        continue;
      }
      String requirement = item.asText();
      Requirement.parse(requirement)
          .ifPresent(
              r ->
                  collector.add(
                      r.name(),
                      Evidence.at(path, text.stringLine(requirement), "declared in " + where)));
    }
  }

  private static void keys(
      JsonNode table, String path, LineIndex text, String where, Collector collector) {
    for (Iterator<String> names = table.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equalsIgnoreCase("python")) {
        collector.add(
            Requirement.normalise(name),
            Evidence.at(path, text.keyLine(name), "declared in " + where));
      }
    }
  }

  private static void fromSetupCfg(Facts facts, String path, Collector collector) {
    if (!facts.snapshot().exists(path)) {
      return;
    }
    Optional<IniFile> ini = ConfigParsers.ini(facts, path).asOptional();
    if (ini.isEmpty()) {
      return;
    }
    LineIndex.Cursor text = LineIndex.of(facts.snapshot().readText(path).orElse("")).cursor();
    for (String key : new String[] {"install_requires", "tests_require"}) {
      ini.get()
          .get("options", key)
          .ifPresent(value -> requirementLines(value, path, text, "setup.cfg " + key, collector));
    }
    ini.get()
        .section("options.extras_require")
        .values()
        .forEach(
            value -> requirementLines(value, path, text, "setup.cfg extras_require", collector));
  }

  private static void requirementLines(
      String value, String path, LineIndex.Cursor text, String where, Collector collector) {
    for (String line : value.split("[\n;]")) {
      String candidate = line.strip();
      Requirement.parse(candidate)
          .ifPresent(
              r ->
                  collector.add(
                      r.name(),
                      Evidence.at(path, text.lineOfNext(candidate), "declared in " + where)));
    }
  }

  private static void fromSetupPy(Facts facts, String path, Collector collector) {
    Optional<String> source = facts.snapshot().readText(path);
    if (source.isEmpty()) {
      return;
    }
    String text = source.get();
    LineIndex lines = LineIndex.of(text);
    Map<String, Integer> assignments = assignments(text);
    Set<String> read = new HashSet<>();
    Matcher keyword = SETUP_KEYWORD.matcher(text);
    int from = 0;
    while (from < text.length() && keyword.find(from)) {
      boolean extras = keyword.group(1).equals("extras_require");
      int start = keyword.end();
      int valueStart = resolveVariable(text, start, assignments);
      String region = bracketed(text, valueStart);
      // A keyword inside a value already read is part of that value, not a call's keyword.
      from = valueStart == start ? Math.max(start, start + region.length()) : start;
      if (!read.add(valueStart + ":" + extras)) {
        continue;
      }
      Matcher literal = STRING_LITERAL.matcher(region);
      while (literal.find()) {
        if (extras && nextNonBlank(region, literal.end()) == ':') {
          continue;
        }
        int offset = valueStart + literal.start();
        String where = "declared in setup.py " + keyword.group(1);
        Requirement.parse(literal.group(2))
            .ifPresent(
                r -> collector.add(r.name(), Evidence.at(path, lines.lineAt(offset), where)));
      }
    }
  }

  private static char nextNonBlank(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        return text.charAt(i);
      }
    }
    return 0;
  }

  /** Where the value starts: here, or at the assignment of the variable named here. */
  private static int resolveVariable(String text, int start, Map<String, Integer> assignments) {
    Matcher name = VARIABLE.matcher(text);
    return name.find(start) ? assignments.getOrDefault(name.group(1), start) : start;
  }

  /** Where each variable's first bracketed assignment value starts, found in one pass. */
  private static Map<String, Integer> assignments(String text) {
    Map<String, Integer> starts = new HashMap<>();
    Matcher assignment = ASSIGNMENT.matcher(text);
    while (assignment.find()) {
      starts.putIfAbsent(assignment.group(1), assignment.end());
    }
    return starts;
  }

  /** The balanced bracket expression starting at {@code start}, or "" when none starts there. */
  private static String bracketed(String text, int start) {
    if (start >= text.length() || "[{(".indexOf(text.charAt(start)) < 0) {
      return "";
    }
    int depth = 0;
    char quote = 0;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if ("[{(".indexOf(c) >= 0) {
        depth++;
      } else if ("]})".indexOf(c) >= 0) {
        depth--;
        if (depth == 0) {
          return text.substring(start, i + 1);
        }
      }
    }
    return text.substring(start);
  }

  private static void fromPipfile(Facts facts, String path, Collector collector) {
    Parsed<JsonNode> parsed = ConfigParsers.toml(facts, path);
    if (!(parsed instanceof Parsed.Ok<JsonNode> ok)) {
      return;
    }
    LineIndex text = LineIndex.of(facts.snapshot().readText(path).orElse(""));
    for (Iterator<Map.Entry<String, JsonNode>> it = ok.value().properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> table = it.next();
      if (table.getValue().isObject() && !PIPFILE_NON_PACKAGE_TABLES.contains(table.getKey())) {
        keys(table.getValue(), path, text, "Pipfile [" + table.getKey() + "]", collector);
      }
    }
  }

  private static final class Collector {
    private final Map<String, Evidence> found = new LinkedHashMap<>();

    void add(String normalisedName, Evidence where) {
      found.putIfAbsent(normalisedName, where);
    }
  }
}
