package dev.fleetcheck.core.facts.taskrunner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.core.facts.LineIndex;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads hatch environment scripts ({@code [tool.hatch.envs.ENV.scripts]} or {@code
 * [envs.ENV.scripts]} in hatch.toml). A script of the default environment is named as {@code hatch
 * run NAME} calls it; one of another environment as {@code ENV:NAME}. A command starting with a
 * sibling script's name runs that script, as hatch expands it.
 */
final class HatchScripts {

  private HatchScripts() {}

  static List<RawTarget> parse(JsonNode envs, LineIndex lines) {
    List<RawTarget> targets = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> envIt = envs.properties().iterator();
        envIt.hasNext(); ) {
      Map.Entry<String, JsonNode> env = envIt.next();
      JsonNode scripts = env.getValue().path("scripts");
      String prefix = env.getKey().equals("default") ? "" : env.getKey() + ":";
      String name = env.getKey();
      String quoted = "\"" + name + "\"";
      int section =
          lines.firstHeaderLine(
              "envs." + name + ".scripts",
              "envs." + quoted + ".scripts",
              "tool.hatch.envs." + name + ".scripts",
              "tool.hatch.envs." + quoted + ".scripts");
      for (Iterator<Map.Entry<String, JsonNode>> it = scripts.properties().iterator();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> script = it.next();
        List<String> commands = new ArrayList<>();
        List<String> calls = new ArrayList<>();
        List<JsonNode> values = new ArrayList<>();
        if (script.getValue().isArray()) {
          script.getValue().forEach(values::add);
        } else {
          values.add(script.getValue());
        }
        for (JsonNode value : values) {
          if (!value.isTextual()) {
            continue;
          }
          String command = value.asText().strip();
          String first = command.split("\\s+", 2)[0];
          if (scripts.has(first) && !first.equals(script.getKey())) {
            calls.add(prefix + first);
          } else {
            commands.add(command);
          }
        }
        targets.add(
            new RawTarget(
                prefix + script.getKey(),
                line(lines, script.getKey(), section),
                commands,
                List.of(),
                calls));
      }
    }
    return targets;
  }

  private static int line(LineIndex lines, String key, int section) {
    int found = lines.keyLineFrom(LineIndex.KeyStyle.ASSIGNMENT, key, section + 1);
    return found > 0 ? found : section;
  }
}
