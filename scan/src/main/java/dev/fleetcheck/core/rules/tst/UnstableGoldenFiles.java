package dev.fleetcheck.core.rules.tst;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PY-TST-007 (assisted): golden files that are too big to review or hold content that changes per
 * run (timestamps, UUIDs, temp paths). Thresholds are RULES-NEXT's decision values.
 */
public final class UnstableGoldenFiles implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-TST-007",
              Set.of(Profile.PYTHON),
              "Keep golden files small and deterministic: freeze time, seed ids, strip temp paths,"
                  + " and snapshot only the meaningful part of the output.")
          .defined(
              "FAIL per golden/snapshot file (__snapshots__/, snapshots/, golden(s)/,"
                  + " *.approved.*) over 200 lines or 16 KiB, or holding an ISO timestamp, a UUID or"
                  + " an absolute temp path; else MANUAL. NOT_APPLICABLE without golden files.",
              Effort.LOW);

  private static final int MAX_LINES = 200;
  private static final long MAX_BYTES = 16 * 1024;
  private static final Pattern UNSTABLE =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}"
              + "|\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b"
              + "|/tmp/|/var/folders/|/private/var/|\\\\AppData\\\\Local\\\\Temp");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<SourceFile> golden = GoldenFiles.in(context.snapshot());
    if (golden.isEmpty()) {
      return Outcome.notApplicable("no golden or snapshot files");
    }
    List<Evidence> findings = new ArrayList<>();
    for (SourceFile file : golden) {
      if (file.size() > MAX_BYTES) {
        findings.add(
            Evidence.file(file.path(), "golden file of " + file.size() + " bytes (over 16 KiB)"));
        continue;
      }
      Optional<String> text = context.snapshot().readText(file.path());
      if (text.isEmpty()) {
        continue;
      }
      long lines = text.get().lines().count();
      if (lines > MAX_LINES) {
        findings.add(Evidence.file(file.path(), "golden file of " + lines + " lines (over 200)"));
        continue;
      }
      Matcher unstable = UNSTABLE.matcher(text.get());
      if (unstable.find()) {
        int line =
            (int) text.get().substring(0, unstable.start()).chars().filter(c -> c == '\n').count()
                + 1;
        findings.add(
            Evidence.at(
                file.path(),
                line,
                "golden file holds run-dependent content (time, UUID or temp path)"));
      }
    }
    return Outcome.assisted(findings);
  }
}
