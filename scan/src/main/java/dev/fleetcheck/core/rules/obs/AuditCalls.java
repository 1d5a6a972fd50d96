package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.python.Blocks;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The calls that emit audit events (family F19): log calls whose event is {@code security.audit},
 * and the calls of a project helper that wraps one ({@code def audit(**fields): log.info(
 * "security.audit", **fields)}: one level of helper is resolved, each call site standing for the
 * event with the fields it passes).
 */
final class AuditCalls {

  /** One audit event site: where it is written and the field names it visibly carries. */
  record Site(PythonModule module, Call call, Set<String> keys, boolean opaque) {

    Evidence at(String message) {
      return Evidence.at(module.path(), call.line(), message);
    }
  }

  private AuditCalls() {}

  static List<Site> of(PythonCodebase codebase, LogEvents events) {
    List<Site> sites = new ArrayList<>();
    for (LogEvents.Site log : events.emitting(LogEvents.AUDIT)) {
      if (!log.opaqueFields()) {
        sites.add(new Site(log.module(), log.call(), log.keys(), false));
        continue;
      }
      List<Site> callers = callers(codebase, log);
      if (callers.isEmpty()) {
        sites.add(new Site(log.module(), log.call(), log.keys(), true));
      }
      sites.addAll(callers);
    }
    return sites;
  }

  /** The call sites of the function wrapping an opaque audit log call, with its keys added. */
  private static List<Site> callers(PythonCodebase codebase, LogEvents.Site log) {
    Optional<Blocks.Block> def =
        codebase
            .tokens(log.module().path())
            .map(Blocks::of)
            .flatMap(b -> b.enclosingDef(log.call().line()));
    if (def.isEmpty()) {
      return List.of();
    }
    String name = def.get().name();
    List<Site> sites = new ArrayList<>();
    for (PythonModule module : codebase.productModules()) {
      for (Call call : module.calls()) {
        boolean site =
            call.name().equals(name)
                && !(module.equals(log.module()) && def.get().spans(call.line()));
        if (site) {
          Set<String> keys = new LinkedHashSet<>(log.keys());
          keys.addAll(LogEvents.keysOf(call));
          sites.add(new Site(module, call, keys, call.kwargsSplat()));
        }
      }
    }
    return sites;
  }

  /** Whether a log message or event literal speaks of auditing. */
  static boolean mentionsAudit(String text) {
    return text.toLowerCase(Locale.ROOT).contains("audit");
  }
}
