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
import java.util.Map;
import java.util.Set;

/**
 * PY-OBS-058 (assisted): audit events record actor type, role, operation, outcome and request id,
 * not the person. A finding per audit event site ({@link AuditCalls}: a {@code security.audit} log
 * call, or the call sites of a helper wrapping one) whose visible fields lack one of {@code
 * actor_type}, {@code role}, {@code operation}, {@code outcome}, {@code request_id} (camelCase
 * accepted) or carry an identity key ({@code user_id}, {@code email}, {@code username}). Sites
 * whose fields cannot be seen ({@code **fields} all the way) are not judged.
 */
public final class AuditEventFields implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-OBS-058",
              Set.of(Profile.API),
              "Give every security.audit event actor_type, role, operation, outcome and"
                  + " request_id, and no personal identifier (user_id, email, username).")
          .defined(
              "FAIL per security.audit log call, or call of a helper wrapping one, whose visible"
                  + " fields lack actor_type, role, operation, outcome or request_id (camelCase"
                  + " accepted) or include user_id, email or username; NOT_APPLICABLE when"
                  + " security.audit occurs nowhere in product code.",
              Effort.LOW);

  private static final Map<String, Set<String>> REQUIRED =
      Map.of(
          "actor_type", Set.of("actor_type", "actorType"),
          "role", Set.of("role"),
          "operation", Set.of("operation"),
          "outcome", Set.of("outcome"),
          "request_id", Set.of("request_id", "requestId"));
  private static final List<String> ORDER =
      List.of("actor_type", "role", "operation", "outcome", "request_id");
  private static final Set<String> IDENTITY =
      Set.of("user_id", "userId", "email", "username", "user_name", "userName");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    LogEvents events = context.fact(LogEvents.FACT);
    if (events.occurs(LogEvents.AUDIT).isEmpty()) {
      return Outcome.notApplicable("no audit event (security.audit) in product code");
    }
    List<Evidence> findings = new ArrayList<>();
    for (AuditCalls.Site site : AuditCalls.of(PythonCodebase.of(context.facts()), events)) {
      if (site.opaque()) {
        continue;
      }
      List<String> missing =
          ORDER.stream()
              .filter(field -> site.keys().stream().noneMatch(REQUIRED.get(field)::contains))
              .toList();
      List<String> identity = site.keys().stream().filter(IDENTITY::contains).toList();
      if (!missing.isEmpty()) {
        findings.add(site.at("audit event lacks " + String.join(", ", missing)));
      }
      if (!identity.isEmpty()) {
        findings.add(
            site.at("audit event carries the identity field(s) " + String.join(", ", identity)));
      }
    }
    return Outcome.assisted(findings);
  }
}
