package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PY-OBS-026 (assisted): an API logs request.end once per request with status_code and duration_ms.
 * FAIL when the event name {@code request.end} occurs nowhere in product code, and per log call
 * emitting it whose visible fields (keywords, literal dict keys, {@code extra={...}}) lack {@code
 * status_code} or {@code duration_ms} (camelCase accepted); a call passing {@code **fields} or a
 * prebuilt {@code extra} is not judged. Emission on the exception path stays manual.
 */
public final class RequestEndLog implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-OBS-026",
              Set.of(Profile.API),
              "Log request.end once per request from a middleware, with status_code and"
                  + " duration_ms (also when the handler raises).")
          .defined(
              "FAIL when request.end occurs nowhere in product code, or per log call emitting"
                  + " request.end whose visible fields lack status_code or duration_ms (camelCase"
                  + " accepted; calls with **fields are not judged); NOT_APPLICABLE without"
                  + " product code.",
              Effort.LOW);

  private static final Set<String> STATUS = Set.of("status_code", "statusCode");
  private static final Set<String> DURATION = Set.of("duration_ms", "durationMs");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    if (PythonCodebase.of(context.facts()).productModules().isEmpty()) {
      return Outcome.notApplicable("no Python product code");
    }
    LogEvents events = context.fact(LogEvents.FACT);
    if (events.occurs(LogEvents.REQUEST_END).isEmpty()) {
      return Outcome.fail(
          Evidence.repository("the event request.end occurs nowhere in product code"));
    }
    List<Evidence> findings = new ArrayList<>();
    for (LogEvents.Site site : events.emitting(LogEvents.REQUEST_END)) {
      if (site.opaqueFields()) {
        continue;
      }
      Set<String> keys = site.keys();
      List<String> missing = new ArrayList<>();
      if (keys.stream().noneMatch(STATUS::contains)) {
        missing.add("status_code");
      }
      if (keys.stream().noneMatch(DURATION::contains)) {
        missing.add("duration_ms");
      }
      if (!missing.isEmpty()) {
        findings.add(site.at("request.end is logged without " + String.join(" and ", missing)));
      }
    }
    return Outcome.assisted(findings);
  }
}
