package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Assignment;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.LiteralPair;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.python.Tokens;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.TraceInstrumentation;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * PY-OBS-007 (assisted): correlation and trace context propagate to outbound calls. Applies when
 * API code calls an HTTP client or the AWS SDK ({@link BoundaryCalls}). FAIL when nothing
 * propagates: no OpenTelemetry client instrumentor (HTTP clients, botocore, boto3 SQS), no
 * auto-instrumentation, no X-Ray patching ({@code patch_all()}, {@code patch([...])}, powertools
 * {@code Tracer()}), no {@code propagate.inject}, no HTTP call passing computed {@code headers=},
 * and no {@code X-Request-Id}/{@code X-Correlation-Id}/{@code traceparent} key written anywhere.
 */
public final class OutboundCorrelation implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-OBS-007",
              Set.of(Profile.API),
              "Propagate trace context and the request id on every outbound call: instrument the"
                  + " clients (OpenTelemetry instrumentors, X-Ray patch_all) and pass X-Request-Id.")
          .defined(
              "FAIL when API code calls an HTTP client or the AWS SDK and nothing propagates"
                  + " context: no OTel client instrumentor, auto-instrumentation, X-Ray patching,"
                  + " propagate.inject, computed headers= on an HTTP call, or"
                  + " X-Request-Id/X-Correlation-Id/traceparent/X-Amzn-Trace-Id key (a dict key,"
                  + " or a subscript assignment keyed by the literal or a module constant holding"
                  + " it); NOT_APPLICABLE without such"
                  + " calls.",
              Effort.MEDIUM);

  private static final List<String> INSTRUMENTORS =
      List.of(
          "RequestsInstrumentor",
          "HTTPXClientInstrumentor",
          "URLLib3Instrumentor",
          "URLLibInstrumentor",
          "AioHttpClientInstrumentor",
          "BotocoreInstrumentor",
          "Boto3SQSInstrumentor");
  private static final Set<String> HEADERS =
      Set.of("x-request-id", "x-correlation-id", "traceparent", "x-amzn-trace-id");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    BoundaryCalls boundary = context.fact(BoundaryCalls.FACT);
    Optional<BoundaryCalls.Site> first =
        boundary.all().stream().filter(s -> s.kind() != BoundaryCalls.Kind.DATABASE).findFirst();
    if (first.isEmpty()) {
      return Outcome.notApplicable("API code calls no HTTP client or AWS SDK");
    }
    TraceInstrumentation tracing = context.fact(TraceInstrumentation.FACT);
    boolean instrumented =
        tracing.auto().isPresent()
            || tracing.xrayPatchesAll().isPresent()
            || !tracing.xrayPatched().isEmpty()
            || INSTRUMENTORS.stream().anyMatch(n -> tracing.called(n).isPresent());
    if (instrumented || propagatesByHand(context, boundary)) {
      return Outcome.noEvidentViolation();
    }
    BoundaryCalls.Site site = first.get();
    return Outcome.fail(
        site.at(
            site.call().written()
                + "(...) calls out, and nothing propagates the request id or trace context"
                + " (no client instrumentation, X-Ray patching, inject or request-id header)"));
  }

  /** A dict display with a request-id or trace header key. */
  private static boolean namesHeader(PyValue value) {
    if (!(value instanceof PyValue.Dict dict)) {
      return false;
    }
    for (PyValue.Entry entry : dict.entries()) {
      if (entry.key() instanceof PyValue.Str key
          && HEADERS.contains(key.value().toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether any argument of {@code call} is a dict display naming a header (no stream per call).
   */
  private static boolean passesHeaderDict(Call call) {
    // No view of an empty keyword map, arguments by index: most calls have few arguments or none.
    if (!call.keywords().isEmpty()) {
      for (PyValue value : call.keywords().values()) {
        if (namesHeader(value)) {
          return true;
        }
      }
    }
    List<PyValue> positional = call.positional();
    for (int i = 0; i < positional.size(); i++) {
      if (namesHeader(positional.get(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean propagatesByHand(RuleContext context, BoundaryCalls boundary) {
    for (BoundaryCalls.Site site : boundary.all()) {
      if (site.kind() == BoundaryCalls.Kind.HTTP
          && site.call().keyword("headers").filter(v -> !(v instanceof PyValue.Dict)).isPresent()) {
        return true;
      }
    }
    // Only whether some module propagates counts, not which: modules are asked on every core.
    PythonCodebase codebase = PythonCodebase.of(context.facts());
    List<PythonModule> modules = codebase.productModules();
    if (modules.parallelStream().anyMatch(OutboundCorrelation::propagatesIn)) {
      return true;
    }
    Set<String> constants = headerConstants(modules);
    return !constants.isEmpty()
        && modules.parallelStream()
            .filter(m -> m.mentionsAny(constants))
            .anyMatch(
                m -> codebase.tokens(m.path()).filter(t -> setsKey(t, constants)).isPresent());
  }

  /**
   * The module constants holding a header name ({@code XRAY_HEADER = "X-Amzn-Trace-Id"}): a
   * constant counts as its literal, in whichever module it is written as a key.
   */
  private static Set<String> headerConstants(List<PythonModule> modules) {
    Set<String> names = new HashSet<>();
    for (PythonModule module : modules) {
      for (Assignment assignment : module.assignments()) {
        if (assignment.value() instanceof PyValue.Str str
            && HEADERS.contains(str.value().toLowerCase(Locale.ROOT))) {
          names.add(assignment.name());
        }
      }
    }
    return names;
  }

  /**
   * A subscript assignment keyed by one of the constants: {@code headers[http.XRAY_HEADER] = v}.
   */
  private static boolean setsKey(Tokens t, Set<String> constants) {
    for (int i = 0; i < t.size(); i++) {
      if (t.isName(i) && constants.contains(t.text(i))) {
        int close = t.skipTrivia(i + 1);
        if (t.isOp(close, ']') && t.isOp(t.skipTrivia(close + 1), '=')) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean propagatesIn(PythonModule module) {
    for (Call call : module.calls()) {
      if (call.name().equals("inject") && call.callee().startsWith("opentelemetry")) {
        return true;
      }
      if (passesHeaderDict(call)) {
        return true;
      }
    }
    for (LiteralPair pair : module.literalPairs()) {
      if (HEADERS.contains(pair.key().toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }
}
