package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.facts.pysource.PythonSources;
import dev.fleetcheck.core.facts.python.DeclaredDependencies;
import dev.fleetcheck.core.facts.python.Dependencies;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.detect.ModuleValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Shared detector (RULES-NEXT family F18): how product code records metrics. The libraries in use
 * (declared or imported), whether one of them records request rate and latency by itself (an
 * instrumentator, an APM agent, OpenTelemetry), and the metric calls of modules importing a metrics
 * library: instruments created ({@code Counter}, {@code Histogram}, {@code create_histogram},
 * powertools/EMF {@code add_metric}, statsd {@code timing}) and labels set.
 */
final class MetricsInventory {

  static final Fact<MetricsInventory> FACT = Fact.of("obs-metrics", MetricsInventory::read);

  /** A library: its distribution, module, and whether it records request metrics itself. */
  private record Library(String distribution, String module, boolean automatic) {}

  private static final List<Library> LIBRARIES =
      List.of(
          new Library("prometheus-client", "prometheus_client", false),
          new Library("aioprometheus", "aioprometheus", false),
          new Library("statsd", "statsd", false),
          new Library("datadog", "datadog", false),
          new Library("aws-embedded-metrics", "aws_embedded_metrics", false),
          new Library(
              "prometheus-fastapi-instrumentator", "prometheus_fastapi_instrumentator", true),
          new Library("starlette-exporter", "starlette_exporter", true),
          new Library("starlette-prometheus", "starlette_prometheus", true),
          new Library("django-prometheus", "django_prometheus", true),
          new Library("prometheus-flask-exporter", "prometheus_flask_exporter", true),
          new Library("ddtrace", "ddtrace", true),
          new Library("newrelic", "newrelic", true),
          new Library("elastic-apm", "elasticapm", true),
          new Library("opentelemetry-sdk", "opentelemetry.metrics", true),
          new Library("opentelemetry-instrumentation", "opentelemetry.instrumentation", true));

  /** Module roots whose import makes a module's metric-named calls metric calls. */
  private static final Set<String> CODE_ROOTS =
      Set.of(
          "prometheus_client",
          "aioprometheus",
          "statsd",
          "datadog",
          "datadog_lambda",
          "aws_embedded_metrics",
          "aws_lambda_powertools",
          "opentelemetry");

  static final Set<String> INSTRUMENTS =
      Set.of(
          "Counter",
          "Gauge",
          "Histogram",
          "Summary",
          "Info",
          "Enum",
          "create_counter",
          "create_histogram",
          "create_up_down_counter",
          "create_gauge",
          "create_observable_counter",
          "create_observable_gauge",
          "create_observable_up_down_counter",
          "add_metric",
          "put_metric",
          "increment",
          "incr",
          "decrement",
          "decr",
          "gauge",
          "timing",
          "timer",
          "timed",
          "histogram",
          "distribution");
  private static final Set<String> LATENCY =
      Set.of(
          "Histogram",
          "Summary",
          "create_histogram",
          "timing",
          "timer",
          "timed",
          "histogram",
          "distribution");
  private static final Set<String> LABELS =
      Set.of("labels", "add_dimension", "put_dimensions", "set_dimensions", "add", "record");
  private static final Set<String> ERROR_CODE = Set.of("error_code", "errorCode", "ErrorCode");

  /** A metric call in a module that imports a metrics library. */
  record MetricCall(PythonModule module, Call call) {

    Evidence at(String message) {
      return Evidence.at(module.path(), call.line(), message);
    }
  }

  private final Optional<Evidence> library;
  private final Optional<Evidence> automatic;
  private final List<MetricCall> calls;

  private MetricsInventory(
      Optional<Evidence> library, Optional<Evidence> automatic, List<MetricCall> calls) {
    this.library = library;
    this.automatic = automatic;
    this.calls = List.copyOf(calls);
  }

  /** The first metrics library found, declared or imported. */
  Optional<Evidence> library() {
    return library;
  }

  /** The first library that records request rate, status and latency by itself. */
  Optional<Evidence> automatic() {
    return automatic;
  }

  List<MetricCall> calls() {
    return calls;
  }

  /** The first instrument created that records a distribution of durations. */
  Optional<Evidence> latency() {
    return calls.stream()
        .filter(c -> LATENCY.contains(c.call().name()) || unitIsTime(c.call()))
        .findFirst()
        .map(c -> c.at(c.call().written() + "(...) records a distribution"));
  }

  /** The first metric call whose labels, dimensions or tags name the error code. */
  Optional<Evidence> errorCode() {
    return calls.stream()
        .filter(c -> carries(c.call(), ERROR_CODE::contains))
        .findFirst()
        .map(c -> c.at("error_code label"));
  }

  /** The first metric call whose name, labels or dimensions speak of a dependency. */
  Optional<Evidence> dependency() {
    return calls.stream()
        .filter(c -> carries(c.call(), s -> s.toLowerCase(Locale.ROOT).contains("dependenc")))
        .findFirst()
        .map(c -> c.at("per-dependency metric"));
  }

  private static boolean unitIsTime(Call call) {
    String unit = call.keyword("unit").map(ModuleValues::text).orElse("");
    return unit.endsWith("Seconds")
        || unit.endsWith("Milliseconds")
        || unit.equals("ms")
        || unit.equals("s");
  }

  /** Whether a string literal argument, keyword, dict key or tag of the call matches. */
  private static boolean carries(Call call, Predicate<String> test) {
    if (call.keywords().keySet().stream().anyMatch(test)) {
      return true;
    }
    List<PyValue> values = new ArrayList<>(call.positional());
    values.addAll(call.keywords().values());
    return values.stream().anyMatch(v -> carries(v, test));
  }

  private static boolean carries(PyValue value, Predicate<String> test) {
    if (value instanceof PyValue.Str s) {
      return test.test(s.value()) || test.test(s.value().split(":", 2)[0]);
    }
    if (value instanceof PyValue.Seq seq) {
      return seq.items().stream().anyMatch(v -> carries(v, test));
    }
    if (value instanceof PyValue.Dict dict) {
      return dict.entries().stream().anyMatch(e -> carries(e.key(), test));
    }
    return false;
  }

  private static boolean metricCall(PythonModule module, Call call) {
    String name = call.name();
    if (Character.isUpperCase(name.charAt(0))) {
      return INSTRUMENTS.contains(name)
          && (call.callee().startsWith("prometheus_client")
              || call.callee().startsWith("aioprometheus"));
    }
    if (name.equals("add") || name.equals("record")) {
      return module.imports().values().stream().anyMatch(i -> i.startsWith("opentelemetry"));
    }
    return INSTRUMENTS.contains(name) || LABELS.contains(name);
  }

  private static MetricsInventory read(Facts facts) {
    DeclaredDependencies dependencies = facts.get(Dependencies.FACT);
    PythonSources sources = facts.get(PythonSources.FACT);
    Optional<Evidence> library = Optional.empty();
    Optional<Evidence> automatic = Optional.empty();
    for (Library candidate : LIBRARIES) {
      Optional<Evidence> found =
          dependencies
              .where(candidate.distribution())
              .or(() -> sources.imports(candidate.module()))
              .map(
                  e ->
                      Evidence.at(
                          e.path(), e.line(), candidate.distribution() + " records metrics"));
      library = library.or(() -> found);
      if (candidate.automatic()) {
        automatic = automatic.or(() -> found);
      }
    }
    List<MetricCall> calls = new ArrayList<>();
    for (PythonModule module : PythonCodebase.of(facts).productModules()) {
      // An import's first part is spelled in the import: without one of the roots, no import.
      if (!module.mentionsAny(CODE_ROOTS)) {
        continue;
      }
      boolean metrics =
          module.imports().values().stream()
              .anyMatch(i -> CODE_ROOTS.contains(i.split("\\.", 2)[0]));
      if (!metrics) {
        continue;
      }
      for (Call call : module.calls()) {
        if (metricCall(module, call)) {
          calls.add(new MetricCall(module, call));
        }
      }
      boolean powertools =
          module.imports().values().stream()
              .anyMatch(
                  i ->
                      i.startsWith("aws_lambda_powertools.metrics")
                          || i.equals("aws_lambda_powertools.Metrics"));
      if (powertools) {
        library =
            library.or(() -> Optional.of(Evidence.at(module.path(), 1, "powertools Metrics")));
      }
    }
    return new MetricsInventory(library, automatic, calls);
  }
}
