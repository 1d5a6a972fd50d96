package dev.fleetcheck.cli;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RulePack;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.Arrays;

/** Rules with a fixed outcome, so exit-code tests do not depend on which checks exist. */
final class TestRules {

  /** Levels as the catalogue and RULES.md both give them. */
  static final String REQUIRED = "PY-LCL-003";

  static final String RECOMMENDED = "PY-OBS-012";
  static final String ADVISORY = "PY-LCL-023";

  private TestRules() {}

  static RulePack failing(String... ids) {
    return RulePack.of(Arrays.stream(ids).map(TestRules::failingRule).toList());
  }

  static RulePack passing(String... ids) {
    return RulePack.of(Arrays.stream(ids).map(TestRules::passingRule).toList());
  }

  static RulePack crashing(String id) {
    return RulePack.of(
        java.util.List.of(
            fixed(
                id,
                context -> {
                  throw new IllegalStateException("boom");
                })));
  }

  static Rule failingRule(String id) {
    return fixed(id, context -> Outcome.fail(Evidence.at("app.py", 1, "test finding for " + id)));
  }

  static Rule passingRule(String id) {
    return fixed(id, context -> Outcome.pass(Evidence.file("app.py", "fine")));
  }

  private static Rule fixed(String id, java.util.function.Function<RuleContext, Outcome> check) {
    return new Rule() {
      @Override
      public RuleSpec spec() {
        return RuleSpec.of(id, Profile.PYTHON, "Make " + id + " pass.");
      }

      @Override
      public Outcome check(RuleContext context) {
        return check.apply(context);
      }
    };
  }
}
