package dev.fleetcheck.core.facts.ci;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects the shell scripts of one YAML CI file: every value under a script key, wherever it sits
 * (jobs, stages, templates), as a string or a list of strings, with the line it was written on.
 */
final class YamlSteps {

  private final String path;
  private final LineLocator locator;

  YamlSteps(String path, String text) {
    this.path = path;
    this.locator = new LineLocator(text);
  }

  String path() {
    return path;
  }

  List<CiStep> scripts(JsonNode root, Set<String> scriptKeys) {
    List<CiStep> steps = new ArrayList<>();
    walk(root, scriptKeys, steps);
    return steps;
  }

  /** A shell step for one script value, located in the file. */
  CiStep.Shell shell(String script) {
    return new CiStep.Shell(path, locator.locate(script), script);
  }

  int locate(String value) {
    return locator.locate(value);
  }

  private void walk(JsonNode node, Set<String> scriptKeys, List<CiStep> steps) {
    if (node.isArray()) {
      node.forEach(item -> walk(item, scriptKeys, steps));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (scriptKeys.contains(field.getKey())) {
        addScripts(field.getValue(), steps);
      } else {
        walk(field.getValue(), scriptKeys, steps);
      }
    }
  }

  private void addScripts(JsonNode value, List<CiStep> steps) {
    if (value.isTextual()) {
      if (!value.asText().isBlank()) {
        steps.add(shell(value.asText()));
      }
    } else if (value.isArray()) {
      value.forEach(item -> addScripts(item, steps));
    } else if (value.isObject() && value.path("command").isTextual()) {
      // CircleCI's long form: run: {name: ..., command: ...}
      addScripts(value.path("command"), steps);
    }
  }
}
