package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.facts.pysource.PythonSources;
import dev.fleetcheck.core.facts.python.DeclaredDependencies;
import dev.fleetcheck.core.facts.python.Dependencies;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.TraceInstrumentation;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PY-OBS-042 (assisted): latency and error rate per dependency. Applies when product code calls a
 * dependency ({@link BoundaryCalls}). FAIL when nothing records per-dependency metrics: no
 * OpenTelemetry client instrumentor is called and no auto-instrumentation runs ({@link
 * TraceInstrumentation}), no APM agent (ddtrace, newrelic, elastic-apm) is used, no metric call
 * names a dependency, and no powertools/EMF or statsd metric is recorded in a module that calls a
 * dependency.
 */
public final class DependencyMetrics implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-OBS-042",
              Set.of(Profile.API, Profile.LAMBDA),
              "Measure each dependency's latency and errors: instrument the clients"
                  + " (OpenTelemetry instrumentors, an APM agent) or record a dependency metric"
                  + " around each call.")
          .defined(
              "FAIL when product code calls an HTTP client, AWS SDK or database and no OTel"
                  + " client instrumentor, auto-instrumentation, APM agent, metric naming a"
                  + " dependency, or metric recorded in a calling module exists; NOT_APPLICABLE"
                  + " without such calls.",
              Effort.MEDIUM);

  static final List<String> CLIENT_INSTRUMENTORS =
      List.of(
          "RequestsInstrumentor",
          "HTTPXClientInstrumentor",
          "URLLib3Instrumentor",
          "URLLibInstrumentor",
          "AioHttpClientInstrumentor",
          "BotocoreInstrumentor",
          "Boto3SQSInstrumentor",
          "SQLAlchemyInstrumentor",
          "Psycopg2Instrumentor",
          "PsycopgInstrumentor",
          "AsyncPGInstrumentor",
          "PyMySQLInstrumentor",
          "MySQLInstrumentor",
          "PymongoInstrumentor",
          "RedisInstrumentor");
  private static final List<String[]> AGENTS =
      List.of(
          new String[] {"ddtrace", "ddtrace"},
          new String[] {"newrelic", "newrelic"},
          new String[] {"elastic-apm", "elasticapm"});

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    BoundaryCalls boundary = context.fact(BoundaryCalls.FACT);
    Optional<BoundaryCalls.Site> first = boundary.first();
    if (first.isEmpty()) {
      return Outcome.notApplicable("product code calls no HTTP client, AWS SDK or database");
    }
    TraceInstrumentation tracing = context.fact(TraceInstrumentation.FACT);
    boolean instrumented =
        tracing.auto().isPresent()
            || CLIENT_INSTRUMENTORS.stream().anyMatch(n -> tracing.called(n).isPresent());
    DeclaredDependencies declared = context.fact(Dependencies.FACT);
    PythonSources sources = context.fact(PythonSources.FACT);
    boolean agent =
        AGENTS.stream().anyMatch(a -> declared.has(a[0]) || sources.imports(a[1]).isPresent());
    MetricsInventory metrics = context.fact(MetricsInventory.FACT);
    boolean measured =
        metrics.dependency().isPresent()
            || metrics.calls().stream()
                .anyMatch(
                    c ->
                        MetricsInventory.INSTRUMENTS.contains(c.call().name())
                            && boundary.inModule(c.module().path()));
    if (instrumented
        || agent
        || measured
        || PythonCodebase.of(context.facts()).productModules().isEmpty()) {
      return Outcome.noEvidentViolation();
    }
    BoundaryCalls.Site site = first.get();
    return Outcome.fail(
        site.at(
            site.call().written()
                + "(...) calls a dependency, and nothing records per-dependency metrics (no"
                + " client instrumentor, APM agent or dependency metric)"));
  }
}
