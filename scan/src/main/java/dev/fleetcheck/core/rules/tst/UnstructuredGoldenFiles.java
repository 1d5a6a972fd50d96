package dev.fleetcheck.core.rules.tst;

import dev.fleetcheck.core.facts.cli.CliInventory;
import dev.fleetcheck.core.facts.cli.CliOption;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.ModuleValues;
import dev.fleetcheck.core.rules.ext.TestSuite;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * PY-TST-008 (assisted): a CLI that can print JSON whose golden files are all text. A golden file
 * counts as JSON by its {@code .json} name or when a test uses syrupy's {@code
 * JSONSnapshotExtension}.
 */
public final class UnstructuredGoldenFiles implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-TST-008",
              Set.of(Profile.CLI),
              "Snapshot the CLI's --json output (a .json golden file or syrupy's"
                  + " JSONSnapshotExtension) rather than its human-readable text.")
          .defined(
              "FAIL when golden/snapshot files exist, the CLI declares --json or a --format whose"
                  + " choices include json, and no golden file is .json nor does a test use"
                  + " JSONSnapshotExtension; else MANUAL. NOT_APPLICABLE without golden files or"
                  + " a JSON output option.",
              Effort.LOW);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<SourceFile> golden = GoldenFiles.in(context.snapshot());
    Optional<CliOption> json =
        context.fact(CliInventory.FACT).options().stream()
            .filter(UnstructuredGoldenFiles::jsonOutput)
            .findFirst();
    if (golden.isEmpty() || json.isEmpty()) {
      return Outcome.notApplicable("no golden files or no JSON output option");
    }
    boolean structured =
        golden.stream().anyMatch(f -> f.name().toLowerCase(Locale.ROOT).endsWith(".json"))
            || context.fact(TestSuite.FACT).modules().stream()
                .anyMatch(
                    m ->
                        m.module().imports().values().stream()
                            .anyMatch(v -> v.endsWith("JSONSnapshotExtension")));
    if (structured) {
      return Outcome.noEvidentViolation();
    }
    return Outcome.fail(
        Evidence.at(
            json.get().path(),
            json.get().line(),
            json.get().describe() + " prints JSON, but every golden file snapshots text"));
  }

  private static boolean jsonOutput(CliOption option) {
    if (option.longNames().contains("--json")) {
      return true;
    }
    if (option.longNames().stream().noneMatch(n -> n.equals("--format") || n.endsWith("-format"))) {
      return false;
    }
    return option
        .keyword("choices")
        .or(() -> option.keyword("type"))
        .map(v -> ModuleValues.text(v).toLowerCase(Locale.ROOT).contains("json"))
        .orElse(false);
  }
}
