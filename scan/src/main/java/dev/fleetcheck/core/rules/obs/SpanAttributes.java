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
import dev.fleetcheck.core.rules.detect.TraceInstrumentation;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PY-OBS-033 (assisted): spans carry request, operation, dependency and outcome attributes. No
 * tracing at all is PY-OBS-031's FAIL (same obligation, scored there). Otherwise FAIL when product
 * code starts spans by hand ({@code start_as_current_span}, {@code start_span}, X-Ray {@code
 * begin_subsegment}/{@code in_subsegment}) and sets no attribute anywhere ({@code
 * set_attribute(s)}, {@code attributes=}, {@code put_annotation}, {@code put_metadata}), while
 * nothing adds them for it: no instrumentor, auto-instrumentation, X-Ray patching or powertools
 * Tracer capture.
 */
public final class SpanAttributes implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-OBS-033",
              Set.of(Profile.API, Profile.LAMBDA),
              "Set request, operation, dependency and outcome attributes on the spans you start"
                  + " (span.set_attribute(...), put_annotation), or use instrumentors that do.")
          .defined(
              "FAIL when product code starts spans by hand and never sets an attribute"
                  + " (set_attribute(s), attributes=, put_annotation, put_metadata) with no"
                  + " instrumentor, auto-instrumentation, X-Ray patching or powertools capture;"
                  + " gives way to PY-OBS-031 when nothing is traced.",
              Effort.LOW);

  private static final Set<String> STARTS =
      Set.of("start_as_current_span", "start_span", "begin_subsegment", "in_subsegment");
  private static final Set<String> SETTERS =
      Set.of("set_attribute", "set_attributes", "put_annotation", "put_metadata");
  private static final Set<String> CAPTURES = Set.of("capture_lambda_handler", "capture_method");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    Optional<Outcome> untraced =
        Homes.failing(context, "an untraced service is", List.of(new Tracing()));
    if (untraced.isPresent()) {
      return untraced.get();
    }
    TraceInstrumentation tracing = context.fact(TraceInstrumentation.FACT);
    if (tracing.auto().isPresent()
        || tracing.xrayPatchesAll().isPresent()
        || !tracing.xrayPatched().isEmpty()) {
      return Outcome.noEvidentViolation();
    }
    Optional<Evidence> manual = Optional.empty();
    for (PythonModule module : PythonCodebase.of(context.facts()).productModules()) {
      for (Call call : module.calls()) {
        String name = call.name();
        if (SETTERS.contains(name)
            || CAPTURES.contains(name)
            || name.endsWith("Instrumentor")
            || call.callee().contains("Instrumentor")
            || (STARTS.contains(name) && call.hasKeyword("attributes"))) {
          return Outcome.noEvidentViolation();
        }
        if (manual.isEmpty() && STARTS.contains(name)) {
          manual = Optional.of(Evidence.at(module.path(), call.line(), call.written() + "(...)"));
        }
      }
    }
    if (manual.isEmpty()) {
      return Outcome.noEvidentViolation();
    }
    Evidence at = manual.get();
    return Outcome.fail(
        Evidence.at(
            at.path(),
            at.line(),
            at.message() + " starts a span, and no span attribute is set anywhere"));
  }
}
