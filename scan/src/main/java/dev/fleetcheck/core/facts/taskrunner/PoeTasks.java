package dev.fleetcheck.core.facts.taskrunner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.core.facts.LineIndex;
import dev.fleetcheck.core.facts.TextLines;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads {@code [tool.poe.tasks]}: a string is a command, an array a sequence of task references, a
 * table has {@code cmd}, {@code shell}, {@code script}, {@code ref}, {@code sequence} or {@code
 * deps}.
 */
final class PoeTasks {

  private PoeTasks() {}

  static List<RawTarget> parse(JsonNode tasks, LineIndex lines) {
    List<RawTarget> targets = new ArrayList<>();
    int section = TextLines.firstMatch(lines.text(), Pattern.compile("^\\s*\\[\\s*tool\\.poe"));
    for (Iterator<Map.Entry<String, JsonNode>> it = tasks.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String name = entry.getKey();
      JsonNode task = entry.getValue();
      List<String> commands = new ArrayList<>();
      List<String> deps = new ArrayList<>();
      List<String> calls = new ArrayList<>();
      if (task.isTextual()) {
        commands.add(task.asText().strip());
      } else if (task.isArray()) {
        sequence(task, "ref", commands, calls);
      } else if (task.isObject()) {
        body(task, commands, calls);
        String itemType = task.path("default_item_type").asText("ref");
        sequence(task.path("sequence"), itemType, commands, calls);
        for (JsonNode dep : task.path("deps")) {
          if (dep.isTextual()) {
            deps.add(firstWord(dep.asText()));
          }
        }
        for (JsonNode used : task.path("uses")) {
          if (used.isTextual()) {
            deps.add(firstWord(used.asText()));
          }
        }
      }
      targets.add(new RawTarget(name, line(lines, name, section), commands, deps, calls));
    }
    return targets;
  }

  private static void body(JsonNode task, List<String> commands, List<String> calls) {
    for (String kind : new String[] {"cmd", "shell", "script", "expr"}) {
      JsonNode value = task.path(kind);
      if (value.isTextual()) {
        for (String line : value.asText().split("\n")) {
          if (!line.isBlank()) {
            commands.add(line.strip());
          }
        }
      } else if (value.isArray()) {
        List<String> words = new ArrayList<>();
        value.forEach(word -> words.add(word.asText()));
        commands.add(String.join(" ", words));
      }
    }
    if (task.path("ref").isTextual()) {
      calls.add(firstWord(task.path("ref").asText()));
    }
  }

  private static void sequence(
      JsonNode items, String itemType, List<String> commands, List<String> calls) {
    for (JsonNode item : items) {
      if (item.isTextual()) {
        if (itemType.equals("ref")) {
          calls.add(firstWord(item.asText()));
        } else {
          commands.add(item.asText().strip());
        }
      } else if (item.isObject()) {
        body(item, commands, calls);
      }
    }
  }

  private static String firstWord(String text) {
    String stripped = text.strip();
    int space = stripped.indexOf(' ');
    return space < 0 ? stripped : stripped.substring(0, space);
  }

  private static int line(LineIndex lines, String name, int section) {
    int table = lines.tableLine("tool.poe.tasks." + name);
    if (table > 0) {
      return table;
    }
    int key = lines.keyLineFrom(LineIndex.KeyStyle.ASSIGNMENT, name, section + 1);
    return key > 0 ? key : section;
  }
}
