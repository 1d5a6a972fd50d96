package dev.fleetcheck.core.rules.sec;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.python.LiteralPair;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.detect.DrfAuthentication;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Django REST framework's authentication class lists of every product module ({@link
 * DrfAuthentication#classLists}), read once per scan: PY-SEC-015 asks every module twice and
 * PY-SEC-019 once more.
 */
final class DrfClassLists {

  private static final Fact<DrfClassLists> FACT =
      Fact.of("drf-authentication-class-lists", DrfClassLists::read);

  /** The modules that have any, by path. */
  private final Map<String, List<LiteralPair>> byPath;

  private DrfClassLists(Map<String, List<LiteralPair>> byPath) {
    this.byPath = byPath;
  }

  static DrfClassLists of(RuleContext context) {
    return context.fact(FACT);
  }

  /** The module's class lists, as {@link DrfAuthentication#classLists} gives them. */
  List<LiteralPair> of(PythonModule module) {
    return byPath.getOrDefault(module.path(), List.of());
  }

  private static DrfClassLists read(Facts facts) {
    Map<String, List<LiteralPair>> byPath = new HashMap<>();
    for (PythonModule module : PythonCodebase.of(facts).productModules()) {
      List<LiteralPair> lists = DrfAuthentication.classLists(module);
      if (!lists.isEmpty()) {
        byPath.put(module.path(), List.copyOf(lists));
      }
    }
    return new DrfClassLists(byPath);
  }
}
