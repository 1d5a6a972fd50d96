package dev.fleetcheck.core.contract;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;

/**
 * A test rule that fails when the repository holds the file {@code fail-<rule ID>}, with the file's
 * first line as the evidence message: fleets of fixtures choose their failures by file.
 */
public final class MarkerRule implements Rule {

  private final RuleSpec spec;

  public MarkerRule(String ruleId) {
    this.spec = RuleSpec.of(ruleId, Profile.PYTHON, "Remove the marker file.");
  }

  public static String markerFile(String ruleId) {
    return MarkerScanner.markerFile(ruleId);
  }

  @Override
  public RuleSpec spec() {
    return spec;
  }

  @Override
  public Outcome check(RuleContext context) {
    String marker = markerFile(spec.id());
    return context
        .snapshot()
        .readText(marker)
        .map(text -> Outcome.fail(Evidence.at(marker, 1, text.lines().findFirst().orElse(""))))
        .orElseGet(() -> Outcome.pass(Evidence.repository("no marker")));
  }
}
