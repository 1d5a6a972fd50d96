package dev.fleetcheck.core.rules.doc;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.ClassDef;
import dev.fleetcheck.core.python.FunctionDef;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.Coverage;
import java.util.ArrayList;
import java.util.List;

/**
 * PY-DOC-001: at least 80% of public modules, classes and functions in product code ({@link
 * Coverage#productModules}) have a docstring. Public: the name (and every enclosing class name)
 * does not start with "_", and a function is not nested in another, and its module is public (no
 * "_"-prefixed folder or file name, dunders such as {@code __init__.py} excepted); a file without a
 * single statement is not counted as a module.
 */
public final class DocstringCoverage implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-DOC-001",
              Profile.PYTHON,
              "Give public modules, classes and functions PEP 257 docstrings (enable Ruff's D rules to"
                  + " keep it so).")
          .defined(
              "FAIL when fewer than 80% of the public modules, classes and functions "
                  + "of product code have docstrings (evidence: the percentage and the "
                  + "first 20 missing); PASS otherwise; NOT_APPLICABLE with no public "
                  + "definition. As Ruff's D rules (and pydocstyle) count them, an @overload "
                  + "stub, an @override method and a property's @name.setter or @name.deleter "
                  + "need no docstring of their own (the implementation, the overridden method "
                  + "and the getter carry it) and are not counted.",
              Effort.MEDIUM);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return tally(Coverage.productModules(context))
        .outcome(
            "public modules, classes and functions have docstrings",
            "no public module, class or function in product code");
  }

  public Coverage tally(List<PythonModule> modules) {
    List<Coverage.Item> items = new ArrayList<>();
    for (PythonModule module : modules) {
      if (!module.publicApi()) {
        continue;
      }
      if (module.hasCode()) {
        items.add(
            new Coverage.Item(
                module.path(), 1, module.hasDocstring(), "public module has no docstring"));
      }
      for (ClassDef type : module.classes()) {
        if (type.publicApi()) {
          items.add(
              new Coverage.Item(
                  module.path(),
                  type.line(),
                  type.hasDocstring(),
                  "public class " + type.name() + " has no docstring"));
        }
      }
      for (FunctionDef function : module.functions()) {
        if (function.publicApi() && !documentedElsewhere(function)) {
          items.add(
              new Coverage.Item(
                  module.path(),
                  function.line(),
                  function.hasDocstring(),
                  "public " + kind(function) + " " + function.name() + " has no docstring"));
        }
      }
    }
    return new Coverage(items);
  }

  /**
   * Whether Ruff's D rules exempt the def: an {@code @overload} stub or an {@code @override} method
   * ({@code typing} or {@code typing_extensions}), or a property's setter or deleter ({@code
   * @name.setter} on a def of the same name).
   */
  private static boolean documentedElsewhere(FunctionDef function) {
    for (String decorator : function.decorators()) {
      if (decorator.equals("overload")
          || decorator.endsWith(".overload")
          || decorator.equals("override")
          || decorator.endsWith(".override")
          || decorator.equals(function.name() + ".setter")
          || decorator.equals(function.name() + ".deleter")) {
        return true;
      }
    }
    return false;
  }

  private static String kind(FunctionDef function) {
    return function.method() ? "method" : "function";
  }
}
