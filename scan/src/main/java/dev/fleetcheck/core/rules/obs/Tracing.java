package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.facts.TextLines;
import dev.fleetcheck.core.facts.pysource.PythonSources;
import dev.fleetcheck.core.facts.python.DeclaredDependencies;
import dev.fleetcheck.core.facts.python.Dependencies;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.io.HomeOutcomes;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PY-OBS-031: requests are traced: OpenTelemetry, aws-xray-sdk, the powertools Tracer, or active
 * X-Ray tracing in a SAM/Serverless template. Narrowed: OpenStack services trace requests with
 * osprofiler (its WSGI middleware and SQLAlchemy spans, exported to Jaeger or OTLP), which counts.
 */
public final class Tracing implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-OBS-031",
              Set.of(Profile.API, Profile.LAMBDA),
              "Trace requests with OpenTelemetry (opentelemetry-sdk plus the framework's"
                  + " instrumentation), or in Lambda with the powertools Tracer / X-Ray active tracing.")
          .defined(
              "PASS when tracing is set up: OpenTelemetry, aws-xray-sdk or the "
                  + "powertools tracer; else FAIL. Narrowed: osprofiler, OpenStack's request"
                  + " tracer (WSGI middleware and SQL spans, exported to Jaeger or OTLP), declared"
                  + " or imported by product code, is tracing set up (keystone).",
              Effort.MEDIUM);

  private static final Pattern POWERTOOLS_TRACER =
      Pattern.compile(
          "aws_lambda_powertools(?:\\.tracing)?\\s+import\\s+[^\\n]*\\bTracer\\b"
              + "|aws_lambda_powertools\\.tracing|aws_lambda_powertools\\.Tracer\\b");
  private static final Pattern SAM_ACTIVE_TRACING =
      Pattern.compile("^\\s*Tracing\\s*:\\s*Active\\b", Pattern.MULTILINE);
  private static final Pattern SERVERLESS_LAMBDA_TRACING =
      Pattern.compile(
          "^\\s*tracing\\s*:\\s*\\n\\s+lambda\\s*:\\s*(?:true|Active)\\b", Pattern.MULTILINE);
  private static final Set<String> TEMPLATES =
      Set.of("template.yaml", "template.yml", "serverless.yml", "serverless.yaml");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return HomeOutcomes.of(context, SPEC.id(), () -> judge(context));
  }

  private Outcome judge(RuleContext context) {
    DeclaredDependencies dependencies = context.fact(Dependencies.FACT);
    Optional<String> otel =
        dependencies.names().stream().filter(n -> n.startsWith("opentelemetry")).findFirst();
    if (otel.isPresent()) {
      Evidence where = dependencies.where(otel.get()).orElseThrow();
      return Outcome.pass(
          new Evidence(where.path(), where.line(), otel.get() + " traces requests"));
    }
    PythonSources sources = context.fact(PythonSources.FACT);
    Optional<Evidence> found =
        sources
            .imports("opentelemetry")
            .map(e -> new Evidence(e.path(), e.line(), "OpenTelemetry traces requests"))
            .or(
                () ->
                    Signals.library(
                        context, "aws-xray-sdk", "aws_xray_sdk", "aws-xray-sdk traces requests"))
            .or(
                () ->
                    sources.find(
                        "aws_lambda_powertools",
                        POWERTOOLS_TRACER,
                        "powertools Tracer traces requests"))
            .or(() -> activeTracing(context))
            .or(
                () ->
                    Signals.library(
                        context,
                        "osprofiler",
                        "osprofiler",
                        "osprofiler (OpenStack's request tracer) traces requests"));
    return found
        .map(Outcome::pass)
        .orElseGet(
            () ->
                Outcome.fail(
                    Evidence.repository(
                        "no tracing: no OpenTelemetry, aws-xray-sdk, powertools Tracer or"
                            + " osprofiler, and no active X-Ray tracing in a SAM/Serverless"
                            + " template")));
  }

  private static Optional<Evidence> activeTracing(RuleContext context) {
    for (SourceFile file : context.snapshot().files()) {
      if (file.testCode() || !TEMPLATES.contains(file.name())) {
        continue;
      }
      Optional<String> text = context.snapshot().readText(file.path());
      if (text.isEmpty()) {
        continue;
      }
      Matcher sam = SAM_ACTIVE_TRACING.matcher(text.get());
      Matcher serverless = SERVERLESS_LAMBDA_TRACING.matcher(text.get());
      Matcher found = sam.find() ? sam : serverless.find() ? serverless : null;
      if (found != null) {
        return Optional.of(
            Evidence.at(
                file.path(), TextLines.lineAt(text.get(), found.start()), "X-Ray active tracing"));
      }
    }
    return Optional.empty();
  }
}
