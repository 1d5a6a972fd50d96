package dev.fleetcheck.core.facts.ci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.core.facts.ConfigParsers;
import dev.fleetcheck.core.facts.Facts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The steps of a GitHub Actions workflow: each job's {@code run:} scripts and {@code uses:}
 * actions. A local composite action ({@code uses: ./path}) is opened and its own steps are
 * included, to the same depth scripts are followed.
 */
final class GitHubSteps {

  private static final int MAX_ACTION_DEPTH = 3;

  private GitHubSteps() {}

  static List<CiStep> read(Facts facts, String path, JsonNode workflow, YamlSteps yaml) {
    List<CiStep> steps = new ArrayList<>();
    for (JsonNode job : workflow.path("jobs")) {
      steps.addAll(steps(facts, job.path("steps"), yaml, 0));
    }
    return steps;
  }

  private static List<CiStep> steps(Facts facts, JsonNode stepList, YamlSteps yaml, int depth) {
    List<CiStep> steps = new ArrayList<>();
    for (JsonNode step : stepList) {
      JsonNode run = step.path("run");
      if (run.isTextual() && !run.asText().isBlank()) {
        steps.add(yaml.shell(run.asText()));
      }
      JsonNode uses = step.path("uses");
      if (uses.isTextual()) {
        String action = uses.asText().trim();
        steps.add(new CiStep.Action(yaml.path(), yaml.locate(action), action, inputs(step)));
        if (action.startsWith("./") && depth < MAX_ACTION_DEPTH) {
          steps.addAll(localAction(facts, action.substring(2), depth + 1));
        }
      }
    }
    return steps;
  }

  private static List<CiStep> localAction(Facts facts, String folder, int depth) {
    String base = folder.endsWith("/") ? folder : folder + "/";
    for (String name : List.of("action.yml", "action.yaml")) {
      String path = base + name;
      Optional<JsonNode> action = ConfigParsers.yaml(facts, path).asOptional();
      if (action.isPresent()) {
        YamlSteps yaml = new YamlSteps(path, facts.snapshot().readText(path).orElse(""));
        return steps(facts, action.get().path("runs").path("steps"), yaml, depth);
      }
    }
    return List.of();
  }

  private static Map<String, String> inputs(JsonNode step) {
    Map<String, String> inputs = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> input : step.path("with").properties()) {
      JsonNode value = input.getValue();
      if (value.isValueNode()) {
        inputs.put(input.getKey(), value.asText());
      }
    }
    return inputs;
  }
}
