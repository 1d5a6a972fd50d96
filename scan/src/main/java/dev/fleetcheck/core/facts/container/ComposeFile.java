package dev.fleetcheck.core.facts.container;

import java.util.List;

/** One compose file and its services (empty when it did not parse). */
public record ComposeFile(String path, boolean parsed, List<ComposeService> services) {

  public ComposeFile {
    services = List.copyOf(services);
  }
}
