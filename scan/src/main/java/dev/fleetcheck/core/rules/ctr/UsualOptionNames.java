package dev.fleetcheck.core.rules.ctr;

import dev.fleetcheck.core.facts.cli.CliInventory;
import dev.fleetcheck.core.facts.cli.CliOption;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PY-CTR-004: long options use the usual names. An option declared under a listed synonym of {@code
 * --dry-run}, {@code --output}, {@code --format} or {@code --quiet} fails, unless the same option
 * also carries the usual name (an alias kept for compatibility). {@code --json} is allowed
 * (PY-CTR-006b names it). typer's names derived from parameters count.
 */
public final class UsualOptionNames implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-CTR-004",
              Profile.CLI,
              "Use the usual option names: --dry-run, --output, --format, --quiet, --verbose (keep an"
                  + " old spelling as an extra alias if scripts depend on it).")
          .defined(
              "FAIL per declared long option (argparse, optparse, click, typer "
                  + "including names derived from parameters) named as a listed synonym: "
                  + "`--dryrun`, `--dry_run`, `--noop`, `--no-op`, `--simulate` (use "
                  + "`--dry-run`); `--out`, `--outfile`, `--out-file`, `--output-file`, "
                  + "`--output_file`, `--output-path` (`--output`); `--fmt`, "
                  + "`--output-format`, `--output_format`, `--out-format` (`--format`); "
                  + "`--silent` (`--quiet`). `--json` is allowed. Narrowed: a synonym "
                  + "declared beside the usual name on the same option (`\"--output\", "
                  + "\"--out\"`) is a compatibility alias and passes",
              Effort.LOW);

  private static final Map<String, String> SYNONYMS =
      Map.ofEntries(
          Map.entry("--dryrun", "--dry-run"),
          Map.entry("--dry_run", "--dry-run"),
          Map.entry("--noop", "--dry-run"),
          Map.entry("--no-op", "--dry-run"),
          Map.entry("--simulate", "--dry-run"),
          Map.entry("--out", "--output"),
          Map.entry("--outfile", "--output"),
          Map.entry("--out-file", "--output"),
          Map.entry("--output-file", "--output"),
          Map.entry("--output_file", "--output"),
          Map.entry("--output-path", "--output"),
          Map.entry("--fmt", "--format"),
          Map.entry("--output-format", "--format"),
          Map.entry("--output_format", "--format"),
          Map.entry("--out-format", "--format"),
          Map.entry("--silent", "--quiet"));

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<CliOption> options = context.fact(CliInventory.FACT).options();
    List<CliOption> named = options.stream().filter(o -> !o.longNames().isEmpty()).toList();
    if (named.isEmpty()) {
      return Outcome.notApplicable("no CLI declares a long option");
    }
    List<Evidence> findings = new ArrayList<>();
    for (CliOption option : named) {
      for (String name : option.longNames()) {
        String usual = SYNONYMS.get(name);
        if (usual != null && !option.names().contains(usual)) {
          findings.add(
              Evidence.at(
                  option.path(),
                  option.line(),
                  "option " + name + " (" + option.framework() + ") is usually named " + usual));
        }
      }
    }
    if (!findings.isEmpty()) {
      return Outcome.fail(findings);
    }
    return Outcome.pass(Evidence.repository(named.size() + " long options use the usual names"));
  }
}
