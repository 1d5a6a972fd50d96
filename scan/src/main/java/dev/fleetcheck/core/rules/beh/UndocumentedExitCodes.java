package dev.fleetcheck.core.rules.beh;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.SameObligation;
import java.util.List;
import java.util.Set;

/**
 * PY-BEH-006 (assisted): an exit code beyond 0, 1, 2 that users cannot look up. Codes that neither
 * the documentation nor an ADR names are PY-BEH-004's findings (one home per finding, ADR 0022);
 * this rule reports the codes an ADR approves but no README, docs page or help text documents, and
 * gives way to PY-BEH-004 when that is all there is.
 */
public final class UndocumentedExitCodes implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-BEH-006",
              Set.of(Profile.CLI),
              "List every exit code other than 0, 1 and 2 in the README, docs or --help epilog,"
                  + " on a line or in a table about exit codes.")
          .defined(
              "FAIL per exit site whose literal status outside 0, 1, 2 an ADR approves but no"
                  + " README, docs/ page or help text documents on an exit-code line, table or"
                  + " section. Codes documented nowhere are judged under PY-BEH-004 (same"
                  + " obligation). NOT_APPLICABLE without product code.",
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
    List<ExitSite> sites = context.fact(ExitSites.FACT);
    if (sites.stream().noneMatch(ExitSite::beyondContract)) {
      return Outcome.noEvidentViolation();
    }
    ExitCodeDocs docs = context.fact(ExitCodeDocs.FACT);
    List<Evidence> findings =
        sites.stream()
            .filter(ExitSite::beyondContract)
            .filter(
                s ->
                    docs.approved().contains(s.code().getAsInt())
                        && !docs.documented().contains(s.code().getAsInt()))
            .map(
                s ->
                    Evidence.at(
                        s.path(),
                        s.line(),
                        s.form()
                            + " exits with "
                            + s.code().getAsInt()
                            + ": approved by an ADR but documented nowhere users look (README,"
                            + " docs, --help)"))
            .toList();
    if (findings.isEmpty()) {
      List<Evidence> home = UncontractedExitCodes.findings(context);
      if (!home.isEmpty()) {
        return SameObligation.judgedAt(
            UncontractedExitCodes.ID,
            "an undocumented exit code is",
            SameObligation.statusOf(Outcome.assisted(home)));
      }
    }
    return Outcome.assisted(findings);
  }
}
