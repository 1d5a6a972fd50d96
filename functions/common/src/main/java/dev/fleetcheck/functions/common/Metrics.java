package dev.fleetcheck.functions.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CloudWatch metrics in the Embedded Metric Format: values are collected during an invocation and
 * {@link #flush()} prints one EMF JSON line per set of dimensions, which CloudWatch Logs turns into
 * metrics without an API call. Every metric carries the {@code function} dimension.
 */
public final class Metrics {

  public static final String NAMESPACE = "Fleetcheck";

  /** A metric unit of CloudWatch. */
  public enum Unit {
    COUNT("Count"),
    MILLISECONDS("Milliseconds");

    private final String cloudWatchName;

    Unit(String cloudWatchName) {
      this.cloudWatchName = cloudWatchName;
    }
  }

  private record Value(String name, Unit unit, double value) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String function;
  private final PrintStream out;
  private final Clock clock;
  private final Map<Map<String, String>, List<Value>> pending = new LinkedHashMap<>();
  private boolean muted;

  public Metrics(String function, PrintStream out, Clock clock) {
    this.function = function;
    this.out = out;
    this.clock = clock;
  }

  public void count(String name, Map<String, String> dimensions) {
    add(name, Unit.COUNT, 1, dimensions);
  }

  public void milliseconds(String name, long millis) {
    add(name, Unit.MILLISECONDS, millis, Map.of());
  }

  public synchronized void add(String name, Unit unit, double value, Map<String, String> extra) {
    if (muted) {
      return;
    }
    Map<String, String> dimensions = new TreeMap<>(extra);
    dimensions.put("function", function);
    pending.computeIfAbsent(dimensions, d -> new ArrayList<>()).add(new Value(name, unit, value));
  }

  /** While muted, values are dropped (SnapStart priming's synthetic invocations are no traffic). */
  synchronized void mute(boolean muted) {
    this.muted = muted;
  }

  /** Prints what was collected since the last flush and forgets it. */
  public synchronized void flush() {
    pending.forEach(this::print);
    pending.clear();
  }

  private void print(Map<String, String> dimensions, List<Value> values) {
    ObjectNode line = JSON.createObjectNode();
    ObjectNode aws = line.putObject("_aws");
    aws.put("Timestamp", clock.millis());
    ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
    directive.put("Namespace", NAMESPACE);
    ArrayNode dimensionSet = directive.putArray("Dimensions").addArray();
    dimensions.keySet().forEach(dimensionSet::add);
    ArrayNode definitions = directive.putArray("Metrics");
    Map<String, List<Double>> byName = new LinkedHashMap<>();
    Map<String, Unit> units = new LinkedHashMap<>();
    for (Value value : values) {
      byName.computeIfAbsent(value.name(), n -> new ArrayList<>()).add(value.value());
      units.putIfAbsent(value.name(), value.unit());
    }
    byName.forEach(
        (name, list) -> {
          definitions.addObject().put("Name", name).put("Unit", units.get(name).cloudWatchName);
          ArrayNode array = JSON.createArrayNode();
          list.forEach(array::add);
          line.set(name, list.size() == 1 ? array.get(0) : array);
        });
    dimensions.forEach(line::put);
    synchronized (out) {
      out.println(line);
    }
  }
}
