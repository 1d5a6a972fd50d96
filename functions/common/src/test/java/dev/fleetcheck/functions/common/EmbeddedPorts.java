package dev.fleetcheck.functions.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetcheck.core.fleet.FleetPorts;
import dev.fleetcheck.core.fleet.FleetRuntime;
import dev.fleetcheck.core.port.FailureLog;
import dev.fleetcheck.embedded.EmbeddedFleet;
import dev.fleetcheck.embedded.EmbeddedRuntime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The embedded default's ports in a test's folder, and the log lines a function printed. */
public final class EmbeddedPorts implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final EmbeddedRuntime runtime;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  public EmbeddedPorts(Path dataDir, Clock clock, int maxReceives) {
    this.runtime =
        EmbeddedRuntime.open(
            dataDir,
            clock,
            new EmbeddedFleet.QueueSettings(Duration.ofMinutes(5), maxReceives),
            new FleetRuntime.Settings("test-pack"),
            FailureLog.NONE);
  }

  public FleetPorts ports() {
    return runtime.fleet().ports();
  }

  public FunctionRuntime function(String name) {
    return FunctionRuntime.over(name, ports(), new FleetRuntime.Settings("test-pack"), out);
  }

  public PrintStream out() {
    return out;
  }

  /** Every line printed so far (JSON log lines and EMF metric lines). */
  public String printed() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  /** Every line printed so far, each read as the JSON object it is. */
  public List<JsonNode> printedLines() {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : printed().split("\n")) {
      if (!line.isBlank()) {
        try {
          lines.add(JSON.readTree(line));
        } catch (JsonProcessingException e) {
          throw new AssertionError("not a JSON line: " + line, e);
        }
      }
    }
    return lines;
  }

  @Override
  public void close() {
    runtime.close();
  }
}
