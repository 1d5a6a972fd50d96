package dev.fleetcheck.core.rules.doc;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.SameObligation;
import dev.fleetcheck.core.rules.code.TypeHintCoverage;

/**
 * PY-DOC-007: public interfaces use type hints. The same obligation as PY-CODE-008, whose home it
 * is (RULES-NEXT: "PY-DOC-007 takes PY-CODE-008's outcome (one home); it is never scored twice"):
 * this rule is NOT_APPLICABLE with the note "same obligation as PY-CODE-008" and the home's status,
 * so one missing annotation lowers the score once.
 */
public final class InterfaceTypeHints implements Rule {

  static final String HOME = "PY-CODE-008";

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-DOC-007",
              Profile.PYTHON,
              "Annotate public functions (List[str] and list[str] both count); judged under "
                  + HOME
                  + ".")
          .defined(
              "One home per finding (RULES-NEXT: \"PY-DOC-007 takes PY-CODE-008's "
                  + "outcome; it is never scored twice\"): always NOT_APPLICABLE with the "
                  + "note \"same obligation as PY-CODE-008: type hints of public interfaces "
                  + "are judged and scored there (STATUS)\", so a missing annotation lowers "
                  + "the score once. `List[str]` and `list[str]` both count there. "
                  + "Narrowed: the complex private helpers RULES-NEXT proposed adding are "
                  + "not judged (PY-CODE-008's population is the home's)",
              Effort.MEDIUM);

  private final TypeHintCoverage home = new TypeHintCoverage();

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    Outcome outcome = home.check(context);
    String status = outcome.status().name();
    if (outcome.status() == Status.FAIL) {
      status += ", " + (outcome.evidence().size() - 1) + " function(s) listed";
    }
    return SameObligation.judgedAt(HOME, "type hints of public interfaces are", status);
  }
}
