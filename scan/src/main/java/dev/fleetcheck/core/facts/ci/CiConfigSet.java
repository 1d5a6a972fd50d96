package dev.fleetcheck.core.facts.ci;

import java.util.List;

/** Every CI configuration of a repository. */
public record CiConfigSet(List<CiConfig> configs) {

  public CiConfigSet {
    configs = List.copyOf(configs);
  }

  public boolean isEmpty() {
    return configs.isEmpty();
  }

  public List<CiStep> steps() {
    return configs.stream().flatMap(c -> c.steps().stream()).toList();
  }

  /** The configuration files, for evidence: "ci.yml, .gitlab-ci.yml". */
  public List<String> paths() {
    return configs.stream().map(CiConfig::path).toList();
  }
}
