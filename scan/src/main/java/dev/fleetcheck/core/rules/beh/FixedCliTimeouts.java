package dev.fleetcheck.core.rules.beh;

import dev.fleetcheck.core.facts.cli.CliInventory;
import dev.fleetcheck.core.facts.cli.CliOption;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Assignment;
import dev.fleetcheck.core.python.Binding;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * PY-BEH-013 (assisted): CLI code makes outbound HTTP calls (requests, httpx, urllib3, aiohttp,
 * {@code urlopen}, and sessions/clients bound from them) with a fixed {@code timeout=} (a number, a
 * tuple of numbers or a module constant holding one) while no CLI option's name contains "timeout",
 * so users cannot raise it.
 */
public final class FixedCliTimeouts implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-BEH-013",
              Set.of(Profile.CLI),
              "Offer a --timeout option and pass its value to outbound calls instead of a fixed"
                  + " number.")
          .defined(
              "FAIL per outbound HTTP call in CLI code (requests, httpx, urllib3, aiohttp, urlopen,"
                  + " their sessions) whose timeout= is a number, tuple of numbers or module"
                  + " constant, when no CLI option name contains `timeout`. NOT_APPLICABLE without"
                  + " product code.",
              Effort.LOW);

  private static final Set<String> CLIENT_ROOTS = Set.of("requests", "httpx", "urllib3", "aiohttp");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<PythonModule> modules = PythonCodebase.of(context.facts()).productModules();
    if (modules.isEmpty()) {
      return Outcome.notApplicable("no Python product code");
    }
    List<Evidence> findings = new ArrayList<>();
    for (PythonModule module : modules) {
      findings.addAll(fixedTimeouts(module));
    }
    if (findings.isEmpty() || timeoutOption(context.fact(CliInventory.FACT))) {
      return Outcome.noEvidentViolation();
    }
    return Outcome.fail(findings);
  }

  private static boolean timeoutOption(CliInventory inventory) {
    for (CliOption option : inventory.options()) {
      for (String name : option.names()) {
        if (name.toLowerCase(Locale.ROOT).contains("timeout")) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<Evidence> fixedTimeouts(PythonModule module) {
    // A finding is a call with a timeout= keyword, which spells the name.
    if (!module.mentions("timeout")) {
      return List.of();
    }
    Set<String> clients = null; // the names bound to clients, gathered on the first need
    List<Evidence> findings = new ArrayList<>();
    for (Call call : module.calls()) {
      if (!call.hasKeyword("timeout")) {
        continue;
      }
      boolean outbound =
          CLIENT_ROOTS.contains(root(call.callee()))
              || call.callee().equals("urllib.request.urlopen");
      if (!outbound) {
        if (clients == null) {
          clients = clients(module);
        }
        outbound = clients.contains(call.writtenReceiver());
      }
      if (outbound && call.keyword("timeout").filter(v -> fixed(module, v)).isPresent()) {
        findings.add(
            Evidence.at(
                module.path(),
                call.line(),
                call.written() + " uses a fixed timeout and no CLI option lets users change it"));
      }
    }
    return findings;
  }

  private static Set<String> clients(PythonModule module) {
    Set<String> clients = new HashSet<>();
    for (Binding binding : module.bindings()) {
      if (CLIENT_ROOTS.contains(root(binding.callee()))) {
        clients.add(binding.name());
      }
    }
    return clients;
  }

  private static boolean fixed(PythonModule module, PyValue value) {
    if (value instanceof PyValue.Num) {
      return true;
    }
    if (value instanceof PyValue.Seq seq) {
      return !seq.items().isEmpty() && seq.items().stream().allMatch(i -> i instanceof PyValue.Num);
    }
    if (value instanceof PyValue.Name name) {
      for (Assignment assignment : module.assignments()) {
        if (assignment.target().equals(name.dotted())) {
          return fixed(module, assignment.value());
        }
      }
    }
    return false;
  }

  private static String root(String callee) {
    int dot = callee.indexOf('.');
    return dot < 0 ? callee : callee.substring(0, dot);
  }
}
