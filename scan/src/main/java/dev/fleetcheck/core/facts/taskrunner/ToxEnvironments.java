package dev.fleetcheck.core.facts.taskrunner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.core.facts.IniFile;
import dev.fleetcheck.core.facts.LineIndex;
import dev.fleetcheck.core.facts.TextLines;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads tox environments: {@code env_list}/{@code envlist} and {@code [testenv:NAME]} sections of
 * an INI file (tox.ini, setup.cfg's {@code [tox:tox]}, pyproject's {@code legacy_tox_ini}), or the
 * native TOML form ({@code env_list} and {@code env.NAME} tables). Generative names such as {@code
 * py{311,312}-lint} are expanded. An environment without its own commands runs the base ones.
 */
final class ToxEnvironments {

  private static final int MAX_EXPANSIONS = 200;
  private static final Pattern BRACES = Pattern.compile("\\{([^{}]*)\\}");

  private ToxEnvironments() {}

  static List<RawTarget> fromIni(IniFile ini, String toxSection, String text) {
    Map<String, RawTarget> envs = new LinkedHashMap<>();
    List<String> base = commandLines(ini.get("testenv", "commands").orElse(""));
    String list =
        ini.get(toxSection, "env_list").or(() -> ini.get(toxSection, "envlist")).orElse("");
    int listLine = TextLines.firstMatch(text, Pattern.compile("^\\s*env_?list\\s*[=:]"));
    LineIndex lines = LineIndex.of(text);
    for (String name : names(list)) {
      envs.putIfAbsent(name, new RawTarget(name, listLine, base, List.of(), List.of()));
    }
    for (String section : ini.sections()) {
      if (!section.startsWith("testenv:")) {
        continue;
      }
      String header = section.substring("testenv:".length());
      List<String> commands =
          ini.get(section, "commands").map(ToxEnvironments::commandLines).orElse(base);
      int line = lines.headerLine(section);
      for (String name : names(header)) {
        envs.put(name, new RawTarget(name, line, commands, List.of(), List.of()));
      }
    }
    return List.copyOf(envs.values());
  }

  static List<RawTarget> fromToml(JsonNode tox, String text) {
    Map<String, RawTarget> envs = new LinkedHashMap<>();
    List<String> base = tomlCommands(tox.path("env_run_base").path("commands"));
    int listLine = TextLines.firstMatch(text, Pattern.compile("^\\s*env_list\\s*="));
    LineIndex lines = LineIndex.of(text);
    for (JsonNode item : tox.path("env_list")) {
      for (String name : names(item.asText())) {
        envs.putIfAbsent(name, new RawTarget(name, listLine, base, List.of(), List.of()));
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = tox.path("env").properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> env = it.next();
      JsonNode own = env.getValue().path("commands");
      List<String> commands = own.isMissingNode() ? base : tomlCommands(own);
      int line = envHeaderLine(lines, env.getKey());
      for (String name : names(env.getKey())) {
        envs.put(name, new RawTarget(name, line, commands, List.of(), List.of()));
      }
    }
    return List.copyOf(envs.values());
  }

  /** The header of a tox.toml environment: {@code [env.NAME]} or {@code [tool.tox.env.NAME]}. */
  private static int envHeaderLine(LineIndex lines, String name) {
    String quoted = "\"" + name + "\"";
    return lines.firstHeaderLine(
        "env." + name, "env." + quoted, "tool.tox.env." + name, "tool.tox.env." + quoted);
  }

  private static List<String> tomlCommands(JsonNode commands) {
    List<String> lines = new ArrayList<>();
    for (JsonNode command : commands) {
      if (command.isArray()) {
        List<String> words = new ArrayList<>();
        command.forEach(word -> words.add(word.isTextual() ? word.asText() : word.toString()));
        lines.add(String.join(" ", words));
      } else if (command.isTextual()) {
        lines.add(command.asText());
      }
    }
    return lines;
  }

  private static List<String> commandLines(String value) {
    List<String> lines = new ArrayList<>();
    for (String line : value.split("\n")) {
      String command = line.strip();
      while (command.startsWith("-") || command.startsWith("!")) {
        command = command.substring(1).stripLeading();
      }
      if (!command.isEmpty() && !command.startsWith("#")) {
        lines.add(command);
      }
    }
    return lines;
  }

  /** Environment names from a comma/newline separated list, generative braces expanded. */
  static List<String> names(String list) {
    List<String> names = new ArrayList<>();
    for (String item : splitOutsideBraces(list)) {
      String name = item.strip();
      if (!name.isEmpty() && !name.startsWith("#")) {
        names.addAll(expand(name));
      }
    }
    return names;
  }

  private static List<String> splitOutsideBraces(String list) {
    List<String> items = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int depth = 0;
    for (char c : list.toCharArray()) {
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth = Math.max(0, depth - 1);
      }
      if (depth == 0 && (c == ',' || c == '\n' || c == ' ' || c == '\t')) {
        items.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    items.add(current.toString());
    return items;
  }

  private static List<String> expand(String name) {
    List<String> done = new ArrayList<>();
    List<String> work = new ArrayList<>(List.of(name));
    while (!work.isEmpty() && done.size() < MAX_EXPANSIONS) {
      String next = work.remove(work.size() - 1);
      Matcher group = BRACES.matcher(next);
      if (!group.find()) {
        done.add(next);
        continue;
      }
      for (String option : options(group.group(1))) {
        if (work.size() + done.size() < MAX_EXPANSIONS) {
          work.add(next.substring(0, group.start()) + option + next.substring(group.end()));
        }
      }
    }
    java.util.Collections.reverse(done);
    return done;
  }

  private static List<String> options(String body) {
    List<String> options = new ArrayList<>();
    for (String option : body.split(",")) {
      String value = option.strip();
      Matcher range = Pattern.compile("^(\\d+)-(\\d+)$").matcher(value);
      if (range.matches()) {
        int from = Integer.parseInt(range.group(1));
        int to = Integer.parseInt(range.group(2));
        for (int n = from; n <= to && options.size() < MAX_EXPANSIONS; n++) {
          options.add(Integer.toString(n));
        }
      } else {
        options.add(value);
      }
    }
    return options;
  }
}
