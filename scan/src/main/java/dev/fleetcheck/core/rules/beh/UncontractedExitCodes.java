package dev.fleetcheck.core.rules.beh;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.List;
import java.util.Set;

/**
 * PY-BEH-004 (assisted): an exit site of CLI code ({@link ExitSites}) whose literal status (or
 * module int constant) lies outside 0, 1, 2 and is neither documented nor approved by a decision
 * record ({@link ExitCodeDocs}, RULES-NEXT decision "Exit codes"). {@code return n} from the
 * console-script function is not read.
 */
public final class UncontractedExitCodes implements Rule {

  static final String ID = "PY-BEH-004";

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              ID,
              Set.of(Profile.CLI),
              "Exit with 0 on success, 1 on failure and 2 on usage errors; document any extra code"
                  + " (README or --help) and approve it in a decision record.")
          .defined(
              "FAIL per exit site in CLI code (sys.exit, exit, quit, os._exit, SystemExit(n),"
                  + " typer.Exit, click Exit, ctx.exit, parser.exit) whose literal status or module"
                  + " int constant (bound once, at module level; not a variable a function sets)"
                  + " is outside 0, 1, 2 and is neither documented (README, docs/, help"
                  + " text on an exit-code line, table or section) nor named in an ADR. `return n`"
                  + " from the entry function is not read. NOT_APPLICABLE without product code.",
              Effort.LOW);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    if (PythonCodebase.of(context.facts()).productModules().isEmpty()) {
      return Outcome.notApplicable("no Python product code");
    }
    return Outcome.assisted(findings(context));
  }

  static List<Evidence> findings(RuleContext context) {
    List<ExitSite> sites = context.fact(ExitSites.FACT);
    if (sites.stream().noneMatch(ExitSite::beyondContract)) {
      return List.of();
    }
    ExitCodeDocs docs = context.fact(ExitCodeDocs.FACT);
    return sites.stream()
        .filter(ExitSite::beyondContract)
        .filter(
            s ->
                !docs.documented().contains(s.code().getAsInt())
                    && !docs.approved().contains(s.code().getAsInt()))
        .map(
            s ->
                Evidence.at(
                    s.path(),
                    s.line(),
                    s.form()
                        + " exits with "
                        + s.code().getAsInt()
                        + ": outside 0/1/2, not documented and not approved by an ADR"))
        .toList();
  }
}
