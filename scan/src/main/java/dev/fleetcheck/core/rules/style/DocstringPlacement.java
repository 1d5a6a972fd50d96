package dev.fleetcheck.core.rules.style;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Layout;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * PY-STYLE-003: docstrings come right after def/class and use triple double quotes. FAIL per
 * docstring of a module, class or def in product code opened with {@code '''}, {@code '} or {@code
 * "} (prefixes such as {@code r} allowed), and per def/class whose first statement is neither a
 * string nor an assignment while its second is a bare string (a misplaced docstring; a string after
 * an assignment is an attribute docstring, RULES-NEXT decision). No docstring at all is
 * NOT_APPLICABLE.
 */
public final class DocstringPlacement implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-STYLE-003",
              Profile.PYTHON,
              "Write docstrings in triple double quotes (\"\"\"...\"\"\") as the first statement of the"
                  + " module, class or function.")
          .defined(
              "FAIL per docstring (the first statement of a module, class or def in "
                  + "product code, made of string literals only, no f-string) opened with "
                  + "`'''`, `'` or `\"` instead of `\"\"\"` (`r`/`u` prefixes allowed), and "
                  + "per def/class whose first statement is neither a string nor an "
                  + "assignment while its second statement is a bare string (a misplaced "
                  + "docstring; a string after an assignment is an attribute docstring and "
                  + "passes). No docstring at all is NOT_APPLICABLE",
              Effort.LOW);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<PythonModule> modules = PythonCodebase.of(context.facts()).productModules();
    List<Evidence> findings = new ArrayList<>();
    int docstrings = 0;
    for (PythonModule module : modules) {
      Layout layout = module.layout();
      docstrings += layout.docstrings().size() + layout.misplacedDocstrings().size();
      for (Layout.Docstring docstring : layout.docstrings()) {
        if (!docstring.quotes().equals("\"\"\"")) {
          findings.add(
              Evidence.at(
                  module.path(),
                  docstring.line(),
                  "docstring opened with " + docstring.quotes() + ", not triple double quotes"));
        }
      }
      for (int line : layout.misplacedDocstrings()) {
        findings.add(
            Evidence.at(
                module.path(),
                line,
                "docstring is not the first statement: a bare string follows the first statement"));
      }
    }
    if (docstrings == 0) {
      return Outcome.notApplicable("no docstring in product code");
    }
    if (!findings.isEmpty()) {
      return Outcome.fail(findings);
    }
    return Outcome.pass(
        Evidence.repository(
            docstrings + " docstrings in triple double quotes, each the first statement"));
  }
}
