package dev.fleetcheck.core.report;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RulePack;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.List;

/**
 * A test rule that fails on every Python file (line 1) and on the repository as a whole, so report
 * tests get real FAIL outcomes from the engine whatever rules the standard pack holds.
 */
public final class EveryPythonFileFails implements Rule {

  public static final String RULE_ID = "PY-STYLE-001";

  /** A pack with this rule as its only automated check (the other 313 rules are MANUAL). */
  public static RulePack pack() {
    return RulePack.of(List.of(new EveryPythonFileFails()));
  }

  @Override
  public RuleSpec spec() {
    return RuleSpec.of(RULE_ID, Profile.PYTHON, "Indent Python code with four spaces.");
  }

  @Override
  public Outcome check(RuleContext context) {
    List<Evidence> evidence =
        context.snapshot().files().stream()
            .map(SourceFile::path)
            .filter(path -> path.endsWith(".py"))
            .map(path -> Evidence.at(path, 1, "test finding in " + path))
            .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
    evidence.add(Evidence.repository("test finding for the repository"));
    return Outcome.fail(evidence);
  }
}
