package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PY-OBS-029 (assisted): dependency logs never carry sensitive parameters or payloads. A finding
 * per log call emitting {@code dependency.call} or {@code dependency.error} that carries the
 * request payload: a field named {@code json}, {@code data}, {@code params}, {@code payload},
 * {@code body}, {@code request_body}, {@code Item} or {@code Body}, or such a bare name as an
 * argument. Secret-like names in log calls are PY-SEC-051's findings (the home of family F1) and
 * are not repeated; log calls in handlers around boundary calls are not judged.
 */
public final class DependencyLogPayloads implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-OBS-029",
              Set.of(Profile.API, Profile.LAMBDA),
              "Log a dependency call's name, operation, duration and outcome, never its payload"
                  + " or parameters (json=, data=, params=, Item, Body).")
          .defined(
              "FAIL per dependency.call or dependency.error log call carrying a payload field"
                  + " or name (json, data, params, payload, body, request_body, Item, Body);"
                  + " secret-like names are left to PY-SEC-051; NOT_APPLICABLE without product"
                  + " code.",
              Effort.LOW);

  private static final Set<String> PAYLOAD =
      Set.of("json", "data", "params", "payload", "body", "request_body", "Item", "Body");
  private static final Set<String> PAYLOAD_NAMES =
      Set.of("payload", "body", "request_body", "Item", "Body");

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
    List<LogEvents.Site> sites = new ArrayList<>(events.emitting(LogEvents.DEPENDENCY_CALL));
    events.emitting(LogEvents.DEPENDENCY_ERROR).stream()
        .filter(s -> !sites.contains(s))
        .forEach(sites::add);
    List<Evidence> findings = new ArrayList<>();
    for (LogEvents.Site site : sites) {
      payload(site)
          .ifPresent(p -> findings.add(site.at("dependency log carries the payload (" + p + ")")));
    }
    return Outcome.assisted(findings);
  }

  private static Optional<String> payload(LogEvents.Site site) {
    for (String key : site.keys()) {
      if (PAYLOAD.contains(key)) {
        return Optional.of(key);
      }
    }
    for (PyValue value : site.arguments()) {
      if (value instanceof PyValue.Name name) {
        String last = name.dotted().substring(name.dotted().lastIndexOf('.') + 1);
        if (PAYLOAD_NAMES.contains(last)) {
          return Optional.of(name.dotted());
        }
      }
    }
    return Optional.empty();
  }
}
