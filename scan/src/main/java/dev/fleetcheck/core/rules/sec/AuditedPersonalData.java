package dev.fleetcheck.core.rules.sec;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Binding;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.LogCalls;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.ModuleValues;
import dev.fleetcheck.core.rules.detect.ProductCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * PY-SEC-026 (assisted): {@code security.audit} events that carry personal data. A log call that
 * emits the event (message or {@code event=} equal to {@code security.audit}, or a logger obtained
 * as {@code getLogger("security.audit")}) with a keyword or {@code extra}/dict key naming personal
 * data ({@code email}, {@code username}, {@code name}, {@code ip}, ...). Denials produced without
 * any audit event are PY-OBS-053's findings (RULES-NEXT decision D4, one home per finding).
 */
public final class AuditedPersonalData implements Rule {

  static final String EVENT = "security.audit";

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-SEC-026",
              Set.of(Profile.API),
              "Audit denials with stable, non-personal identifiers (user id, request id, route,"
                  + " reason), never e-mail addresses, names or IP addresses.")
          .defined(
              "FAIL per `security.audit` log call (the message or `event=` is `security.audit`, or"
                  + " the logger is `getLogger(\"security.audit\")`) whose keywords or"
                  + " `extra`/dict keys name personal data (`email`, `username`, `name`,"
                  + " `full_name`, `ip`, `ip_address`, `client_ip`, `remote_addr`, `phone`). 403s"
                  + " without any audit event are judged under PY-OBS-053 (one home)."
                  + " NOT_APPLICABLE without product code.",
              Effort.LOW);

  private static final Set<String> PERSONAL =
      Set.of(
          "email",
          "e_mail",
          "user_email",
          "username",
          "user_name",
          "name",
          "full_name",
          "ip",
          "ip_address",
          "client_ip",
          "remote_addr",
          "phone");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return ProductCode.outcome(context, AuditedPersonalData::findings);
  }

  private static List<Evidence> findings(PythonModule module) {
    // Every finding is a log call, whose level the module spells.
    if (!module.mentionsAny(LogCalls.METHOD_NAMES)) {
      return List.of();
    }
    LogCalls logs = LogCalls.of(module);
    Set<String> auditLoggers = auditLoggers(module);
    List<Evidence> findings = new ArrayList<>();
    for (Call call : module.calls()) {
      if (!logs.isLogCall(call)) {
        continue;
      }
      boolean audit = auditLoggers.contains(call.writtenReceiver()) || namesEvent(logs, call);
      if (!audit) {
        continue;
      }
      Set<String> keys = new TreeSet<>();
      call.keywords()
          .forEach(
              (key, value) -> {
                keys.add(key);
                keysOf(value, keys);
              });
      call.positional().forEach(v -> keysOf(v, keys));
      keys.removeIf(k -> !PERSONAL.contains(k.toLowerCase(Locale.ROOT)));
      if (!keys.isEmpty()) {
        findings.add(
            Evidence.at(
                module.path(),
                call.line(),
                "security.audit event carries personal data (" + String.join(", ", keys) + ")"));
      }
    }
    return findings;
  }

  /** {@code logs.eventNames(call).contains(EVENT)}, without listing the names. */
  private static boolean namesEvent(LogCalls logs, Call call) {
    return logs.message(call).filter(EVENT::equals).isPresent()
        || call.keyword("event").orElse(null) instanceof PyValue.Str event
            && event.value().equals(EVENT);
  }

  private static void keysOf(PyValue value, Set<String> keys) {
    if (value instanceof PyValue.Dict dict) {
      for (PyValue.Entry entry : dict.entries()) {
        if (entry.key() instanceof PyValue.Str key) {
          keys.add(key.value());
        }
        keysOf(entry.value(), keys);
      }
    }
  }

  private static Set<String> auditLoggers(PythonModule module) {
    Set<String> names = new HashSet<>();
    for (Binding binding : module.bindings()) {
      String callee = binding.callee();
      // The factory call's name is the callee's last part: no need to find a call for the rest.
      if (!AsciiText.containsIgnoreCase(callee.substring(callee.lastIndexOf('.') + 1), "logger")) {
        continue;
      }
      Optional<Call> factory = ModuleValues.factoryCall(module, binding);
      if (factory.isPresent()
          && factory.get().name().toLowerCase(Locale.ROOT).contains("logger")
          && !factory.get().positional().isEmpty()
          && ModuleValues.string(module, factory.get().positional().get(0))
              .filter(EVENT::equals)
              .isPresent()) {
        names.add(binding.name());
      }
    }
    return names;
  }
}
