package dev.fleetcheck.core.facts.aws;

import dev.fleetcheck.core.model.Evidence;
import java.util.List;

/**
 * An AWS SAM or Serverless Framework template (or a samconfig file), with the Python runtimes it
 * declares and the events that expose an HTTP API (API Gateway REST/HTTP events, function URLs).
 */
public record ServerlessTemplate(
    String path, Kind kind, List<Evidence> pythonRuntimes, List<Evidence> apiEvents) {

  /** What the file is. */
  public enum Kind {
    SAM,
    SERVERLESS,
    SAMCONFIG
  }

  public ServerlessTemplate {
    pythonRuntimes = List.copyOf(pythonRuntimes);
    apiEvents = List.copyOf(apiEvents);
  }
}
