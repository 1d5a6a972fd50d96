package dev.fleetcheck.core.facts.ci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.core.facts.ConfigParsers;
import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the repository's CI configurations and the steps each runs (RULES.md, "CI
 * (PY-QG-001/002)"). YAML files are read with the real parser; a Jenkinsfile is Groovy and is read
 * for its {@code sh} steps by text.
 */
public final class CiConfigs {

  public static final Fact<CiConfigSet> FACT = Fact.of("ci-configs", CiConfigs::read);

  private static final Set<String> GITLAB_SCRIPT_KEYS =
      Set.of("script", "before_script", "after_script");
  private static final Set<String> AZURE_SCRIPT_KEYS =
      Set.of("script", "bash", "pwsh", "powershell");
  private static final Set<String> BITBUCKET_SCRIPT_KEYS = Set.of("script", "after-script");
  private static final Set<String> TRAVIS_SCRIPT_KEYS =
      Set.of("script", "install", "before_install", "before_script");
  private static final Set<String> CIRCLECI_SCRIPT_KEYS = Set.of("run");

  private CiConfigs() {}

  static CiConfigSet read(Facts facts) {
    List<CiConfig> configs = new ArrayList<>();
    for (SourceFile file : facts.snapshot().files()) {
      systemOf(file)
          .flatMap(system -> readConfig(facts, file.path(), system))
          .ifPresent(configs::add);
    }
    return new CiConfigSet(configs);
  }

  static Optional<CiSystem> systemOf(SourceFile file) {
    String path = file.path();
    if (path.startsWith(".github/workflows/")
        && path.indexOf('/', ".github/workflows/".length()) < 0
        && isYaml(path)) {
      return Optional.of(CiSystem.GITHUB_ACTIONS);
    }
    if (path.equals(".gitlab-ci.yml") || path.equals(".gitlab-ci.yaml")) {
      return Optional.of(CiSystem.GITLAB_CI);
    }
    if (file.name().equals("Jenkinsfile") && !file.testCode()) {
      return Optional.of(CiSystem.JENKINS);
    }
    if (path.equals(".circleci/config.yml") || path.equals(".circleci/config.yaml")) {
      return Optional.of(CiSystem.CIRCLECI);
    }
    if (path.equals("azure-pipelines.yml")
        || path.equals("azure-pipelines.yaml")
        || (path.startsWith(".azure-pipelines/") && isYaml(path))) {
      return Optional.of(CiSystem.AZURE_PIPELINES);
    }
    if (path.equals("bitbucket-pipelines.yml") || path.equals("bitbucket-pipelines.yaml")) {
      return Optional.of(CiSystem.BITBUCKET_PIPELINES);
    }
    if (path.equals(".travis.yml") || path.equals(".travis.yaml")) {
      return Optional.of(CiSystem.TRAVIS_CI);
    }
    if (path.equals(".pre-commit-config.yaml") || path.equals(".pre-commit-config.yml")) {
      return Optional.of(CiSystem.PRE_COMMIT_CI);
    }
    return Optional.empty();
  }

  private static Optional<CiConfig> readConfig(Facts facts, String path, CiSystem system) {
    if (system == CiSystem.JENKINS) {
      return facts
          .snapshot()
          .readText(path)
          .map(text -> new CiConfig(path, system, JenkinsfileSteps.read(path, text)));
    }
    Optional<JsonNode> doc = ConfigParsers.yaml(facts, path).asOptional();
    if (system == CiSystem.PRE_COMMIT_CI) {
      return doc.flatMap(root -> preCommitCi(facts, path, root));
    }
    List<CiStep> steps = new ArrayList<>();
    doc.ifPresent(root -> steps.addAll(steps(facts, path, system, root)));
    return Optional.of(new CiConfig(path, system, steps));
  }

  private static List<CiStep> steps(Facts facts, String path, CiSystem system, JsonNode root) {
    YamlSteps yaml = new YamlSteps(path, facts.snapshot().readText(path).orElse(""));
    return switch (system) {
      case GITHUB_ACTIONS -> GitHubSteps.read(facts, path, root, yaml);
      case GITLAB_CI -> gitlab(facts, path, root, yaml, new LinkedHashSet<>());
      case CIRCLECI -> yaml.scripts(root, CIRCLECI_SCRIPT_KEYS);
      case AZURE_PIPELINES -> yaml.scripts(root, AZURE_SCRIPT_KEYS);
      case BITBUCKET_PIPELINES -> yaml.scripts(root, BITBUCKET_SCRIPT_KEYS);
      case TRAVIS_CI -> yaml.scripts(root, TRAVIS_SCRIPT_KEYS);
      case JENKINS, PRE_COMMIT_CI -> List.of();
    };
  }

  /** GitLab's scripts, and those of the local files it includes (each file read once). */
  private static List<CiStep> gitlab(
      Facts facts, String path, JsonNode root, YamlSteps yaml, Set<String> seen) {
    seen.add(path);
    List<CiStep> steps = new ArrayList<>(yaml.scripts(root, GITLAB_SCRIPT_KEYS));
    for (String include : localIncludes(root.path("include"))) {
      String included = include.startsWith("/") ? include.substring(1) : include;
      if (seen.contains(included)) {
        continue;
      }
      Optional<JsonNode> doc = ConfigParsers.yaml(facts, included).asOptional();
      if (doc.isPresent()) {
        YamlSteps includedYaml =
            new YamlSteps(included, facts.snapshot().readText(included).orElse(""));
        steps.addAll(gitlab(facts, included, doc.get(), includedYaml, seen));
      }
    }
    return steps;
  }

  private static List<String> localIncludes(JsonNode include) {
    List<String> paths = new ArrayList<>();
    if (include.isTextual()) {
      String value = include.asText().trim();
      if (!value.contains("://")) {
        paths.add(value);
      }
    } else if (include.isArray()) {
      include.forEach(item -> paths.addAll(localIncludes(item)));
    } else if (include.isObject() && include.path("local").isTextual()) {
      paths.add(include.path("local").asText().trim());
    }
    return paths;
  }

  private static Optional<CiConfig> preCommitCi(Facts facts, String path, JsonNode root) {
    JsonNode ci = root.path("ci");
    if (ci.isMissingNode() || !root.has("ci")) {
      return Optional.empty();
    }
    Set<String> skipped = new LinkedHashSet<>();
    ci.path("skip").forEach(id -> skipped.add(id.asText()));
    int line = 0;
    String text = facts.snapshot().readText(path).orElse("");
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith("ci:")) {
        line = i + 1;
        break;
      }
    }
    return Optional.of(
        new CiConfig(
            path, CiSystem.PRE_COMMIT_CI, List.of(new CiStep.PreCommitCi(path, line, skipped))));
  }

  static boolean isYaml(String path) {
    return path.endsWith(".yml") || path.endsWith(".yaml");
  }
}
