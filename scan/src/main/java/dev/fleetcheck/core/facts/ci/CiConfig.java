package dev.fleetcheck.core.facts.ci;

import java.util.List;

/** One CI configuration file and the steps it runs, in file order. */
public record CiConfig(String path, CiSystem system, List<CiStep> steps) {

  public CiConfig {
    steps = List.copyOf(steps);
  }
}
