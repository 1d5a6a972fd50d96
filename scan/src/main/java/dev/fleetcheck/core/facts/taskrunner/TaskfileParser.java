package dev.fleetcheck.core.facts.taskrunner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.core.facts.LineIndex;
import dev.fleetcheck.core.facts.TextLines;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads the {@code tasks:} of a Taskfile (go-task): cmds, deps, task calls and aliases. */
final class TaskfileParser {

  private TaskfileParser() {}

  static List<RawTarget> parse(JsonNode taskfile, String text) {
    List<RawTarget> targets = new ArrayList<>();
    JsonNode tasks = taskfile.path("tasks");
    int tasksLine = TextLines.firstMatch(text, Pattern.compile("^tasks\\s*:"));
    LineIndex lines = LineIndex.of(text);
    for (Iterator<Map.Entry<String, JsonNode>> it = tasks.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String name = entry.getKey();
      JsonNode task = entry.getValue();
      List<String> commands = new ArrayList<>();
      List<String> deps = new ArrayList<>();
      List<String> calls = new ArrayList<>();
      if (task.isTextual()) {
        commands.add(task.asText());
      } else if (task.isArray()) {
        commandList(task, commands, calls);
      } else if (task.isObject()) {
        if (task.path("cmd").isTextual()) {
          commands.add(task.path("cmd").asText());
        }
        commandList(task.path("cmds"), commands, calls);
        for (JsonNode dep : task.path("deps")) {
          if (dep.isTextual()) {
            deps.add(dep.asText());
          } else if (dep.path("task").isTextual()) {
            deps.add(dep.path("task").asText());
          }
        }
      }
      int line = lineOf(lines, name, tasksLine);
      targets.add(new RawTarget(name, line, commands, deps, calls));
      for (JsonNode alias : task.path("aliases")) {
        if (alias.isTextual()) {
          targets.add(new RawTarget(alias.asText(), line, List.of(), List.of(name), List.of()));
        }
      }
    }
    return targets;
  }

  private static void commandList(JsonNode list, List<String> commands, List<String> calls) {
    for (JsonNode item : list) {
      if (item.isTextual()) {
        commands.add(item.asText().strip());
      } else if (item.path("cmd").isTextual()) {
        commands.add(item.path("cmd").asText().strip());
      } else if (item.path("task").isTextual()) {
        calls.add(item.path("task").asText());
      }
    }
  }

  private static int lineOf(LineIndex lines, String name, int after) {
    int found = lines.keyLineFrom(LineIndex.KeyStyle.INDENTED_YAML, name, after + 1);
    return found > 0 ? found : after;
  }
}
