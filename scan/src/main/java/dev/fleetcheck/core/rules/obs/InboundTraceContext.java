package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.RequestReads;
import dev.fleetcheck.core.rules.detect.TraceInstrumentation;
import java.util.List;
import java.util.Optional;

/**
 * PY-OBS-005: an API accepts inbound W3C trace context. PASS on OpenTelemetry server
 * instrumentation (the FastAPI, Django, Flask, Starlette, Falcon, Tornado or AWS Lambda
 * instrumentor, ASGI/WSGI {@code OpenTelemetryMiddleware}), auto-instrumentation ({@link
 * TraceInstrumentation}), an {@code extract} call of the OpenTelemetry propagation API, or a read
 * of the {@code traceparent} header ({@link RequestReads}). X-Ray alone ({@code X-Amzn-Trace-Id})
 * is not W3C trace context. FAIL otherwise.
 */
public final class InboundTraceContext implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-OBS-005",
              Profile.API,
              "Accept inbound W3C traceparent: instrument the server with OpenTelemetry (e.g."
                  + " FastAPIInstrumentor.instrument_app(app)) or run under opentelemetry-instrument.")
          .defined(
              "PASS when inbound W3C trace context is accepted: OpenTelemetry server "
                  + "instrumentation "
                  + "(FastAPI/Django/Flask/Starlette/Falcon/Tornado/AwsLambda instrumentor, "
                  + "ASGI/WSGI `OpenTelemetryMiddleware`), auto-instrumentation "
                  + "(`opentelemetry-instrument` in a container file, Procfile, compose "
                  + "file or template; the ADOT layer or `AWS_LAMBDA_EXEC_WRAPPER: "
                  + "/opt/otel-instrument`), an OpenTelemetry `extract` call, or a "
                  + "`traceparent` header read; X-Ray alone does not count (shared "
                  + "`TraceInstrumentation`)",
              Effort.MEDIUM);

  private static final List<String> SERVER_INSTRUMENTATION =
      List.of(
          "FastAPIInstrumentor",
          "DjangoInstrumentor",
          "FlaskInstrumentor",
          "StarletteInstrumentor",
          "FalconInstrumentor",
          "TornadoInstrumentor",
          "AwsLambdaInstrumentor",
          "OpenTelemetryMiddleware");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    TraceInstrumentation tracing = context.fact(TraceInstrumentation.FACT);
    for (String name : SERVER_INSTRUMENTATION) {
      Optional<Evidence> found = tracing.called(name);
      if (found.isPresent()) {
        return Outcome.pass(found.get());
      }
    }
    if (tracing.auto().isPresent()) {
      return Outcome.pass(tracing.auto().get());
    }
    for (PythonModule module : PythonCodebase.of(context.facts()).productModules()) {
      // A call named extract spells that name in the module.
      if (!module.mentions("extract")) {
        continue;
      }
      for (Call call : module.calls()) {
        if (call.name().equals("extract") && call.callee().startsWith("opentelemetry")) {
          return Outcome.pass(
              Evidence.at(
                  module.path(), call.line(), "trace context extracted: " + call.written()));
        }
      }
    }
    for (RequestReads.Read read : context.fact(RequestReads.FACT).all()) {
      if (read.source() == RequestReads.Source.HEADER
          && read.normalisedKey().equals("traceparent")) {
        return Outcome.pass(Evidence.at(read.path(), read.line(), "traceparent header read"));
      }
    }
    return Outcome.fail(
        Evidence.repository(
            "inbound traceparent is ignored: no OpenTelemetry server instrumentation,"
                + " auto-instrumentation, extract() or traceparent read in product code"));
  }
}
