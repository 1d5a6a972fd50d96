package dev.fleetcheck.core.rules.tui;

import dev.fleetcheck.core.facts.cli.CliInventory;
import dev.fleetcheck.core.facts.cli.CliOption;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.python.TokenKind;
import dev.fleetcheck.core.python.Tokens;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PY-TUI-007 (assisted): a declared {@code --dry-run} that nothing reads. The option's destination
 * ({@code dest=}, click's explicit name, else {@code dry_run}) is looked for as a name or string in
 * the code tokens of product modules; the declaration itself (the click/typer parameter, an
 * argparse {@code dest=} string) does not count, and code that hands the whole namespace on ({@code
 * vars(args)}) is given the benefit of the doubt. NOT_APPLICABLE when no {@code --dry-run} is
 * declared (RULES-NEXT: the rule constrains a flag that exists).
 */
public final class IgnoredDryRun implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-TUI-007",
              Set.of(Profile.CLI),
              "Read --dry-run wherever the command changes something: report the change and skip"
                  + " it.")
          .defined(
              "FAIL per declared --dry-run (or --dryrun/--dry_run) whose value (dest, click name or"
                  + " dry_run) no product code reads or passes on, vars(args) counting as passed on."
                  + " NOT_APPLICABLE when the CLI declares no --dry-run.",
              Effort.LOW);

  private static final Set<String> NAMES = Set.of("--dry-run", "--dryrun", "--dry_run");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<CliOption> dryRuns =
        context.fact(CliInventory.FACT).options().stream()
            .filter(o -> o.names().stream().anyMatch(NAMES::contains))
            .toList();
    if (dryRuns.isEmpty()) {
      return Outcome.notApplicable("the CLI declares no --dry-run option");
    }
    PythonCodebase codebase = PythonCodebase.of(context.facts());
    List<PythonModule> modules = codebase.productModules();
    boolean wholeNamespace =
        modules.stream().flatMap(m -> m.calls().stream()).anyMatch(c -> c.callee().equals("vars"));
    List<Evidence> findings = new ArrayList<>();
    for (CliOption option : dryRuns) {
      String dest = option.destination();
      boolean parameter =
          !option.framework().equals("argparse") && !option.framework().equals("optparse");
      int declared =
          (parameter ? 1 : 0)
              + (option.keyword("dest").isPresent() ? 1 : 0)
              + (explicitName(option) ? 1 : 0);
      int uses = 0;
      for (PythonModule module : modules) {
        if (codebase.text(module.path()).map(t -> t.contains(dest)).orElse(false)) {
          uses += codebase.tokens(module.path()).map(t -> mentions(t, dest)).orElse(0);
        }
      }
      if (uses <= declared && !(wholeNamespace && !parameter)) {
        findings.add(
            Evidence.at(
                option.path(),
                option.line(),
                "option "
                    + option.describe()
                    + " is declared but "
                    + dest
                    + " is never read: the command runs for real"));
      }
    }
    return Outcome.assisted(findings);
  }

  private static int mentions(Tokens t, String dest) {
    int count = 0;
    for (int i = 0; i < t.size(); i++) {
      if (t.isName(i) && t.is(i, dest)) {
        count++;
      } else if (t.isKind(i, TokenKind.STRING) && dest.equals(t.stringValue(i))) {
        count++;
      }
    }
    return count;
  }

  /** click's {@code @click.option("--dry-run", "dry")}: the name string is a declaration too. */
  private static boolean explicitName(CliOption option) {
    return option
        .declaration()
        .map(
            c ->
                c.positional().stream()
                    .anyMatch(v -> v instanceof PyValue.Str s && !s.value().startsWith("-")))
        .orElse(false);
  }
}
