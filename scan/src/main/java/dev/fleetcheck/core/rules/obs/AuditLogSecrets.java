package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.sec.LoggedSecrets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * PY-OBS-057 (assisted): audit logs never hold credentials or raw tokens. An audit call is a log
 * call emitting {@code security.audit}, or a call of a function whose name contains "audit"; a
 * finding per audit call carrying a secret-like field name (keyword or literal dict key) or a
 * secret-like bare name ({@link LoggedSecrets#secretLike}). A log call that PY-SEC-051 (the home of
 * family F1) already reports is left to it, so one logged secret is scored once (docs/adr/0022).
 */
public final class AuditLogSecrets implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-OBS-057",
              Set.of(Profile.API),
              "Record who did what in audit events, never the credential: drop passwords, tokens"
                  + " and keys from audit fields (log a token's hash or id if needed).")
          .defined(
              "FAIL per audit call (a log call emitting security.audit, or a call of a function"
                  + " named *audit*) carrying a secret-like field name or bare name, unless"
                  + " PY-SEC-051 already reports that call; NOT_APPLICABLE when security.audit"
                  + " occurs nowhere in product code.",
              Effort.LOW);

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
    Set<String> judged = new HashSet<>();
    for (Evidence home : LoggedSecrets.outcomeFor(context).evidence()) {
      judged.add(home.path() + ":" + home.line());
    }
    Set<Call> audits = new HashSet<>();
    events.emitting(LogEvents.AUDIT).forEach(s -> audits.add(s.call()));
    List<Evidence> findings = new ArrayList<>();
    for (PythonModule module : PythonCodebase.of(context.facts()).productModules()) {
      for (Call call : module.calls()) {
        boolean audit =
            audits.contains(call) || call.name().toLowerCase(Locale.ROOT).contains("audit");
        if (!audit || judged.contains(module.path() + ":" + call.line())) {
          continue;
        }
        secret(call)
            .ifPresent(
                name ->
                    findings.add(
                        Evidence.at(
                            module.path(),
                            call.line(),
                            "audit event " + call.written() + "(...) carries " + name)));
      }
    }
    return Outcome.assisted(findings);
  }

  private static Optional<String> secret(Call call) {
    for (String key : LogEvents.keysOf(call)) {
      if (LoggedSecrets.secretLike(key)) {
        return Optional.of("the secret-like field " + key);
      }
    }
    List<PyValue> values = new ArrayList<>(call.positional());
    values.addAll(call.keywords().values());
    for (PyValue value : values) {
      if (value instanceof PyValue.Name name) {
        String last = name.dotted().substring(name.dotted().lastIndexOf('.') + 1);
        if (LoggedSecrets.secretLike(last)) {
          return Optional.of("the secret-like value " + name.dotted());
        }
      }
    }
    return Optional.empty();
  }
}
