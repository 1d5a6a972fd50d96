package dev.fleetcheck.core.rules.pkg;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.SameObligation;
import dev.fleetcheck.core.rules.ctr.MixedApiVersioning;
import java.util.Set;

/**
 * PY-PKG-006 (assisted): API versions follow one consistent scheme. RULES-NEXT makes PY-CTR-013 the
 * home of the versioning scheme (D4); this rule shows that outcome without scoring it again
 * (docs/adr/0022).
 */
public final class ApiVersionScheme implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-PKG-006",
              Set.of(Profile.API),
              "Version every public route the same way, e.g. all under /v1/.")
          .defined(
              "Same finding as PY-CTR-013: NOT_APPLICABLE with the note \"same obligation as"
                  + " PY-CTR-013\" and that rule's status; scored once, there.",
              Effort.MEDIUM);

  private final MixedApiVersioning home = new MixedApiVersioning();

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return SameObligation.judgedAt(
        home.spec().id(),
        "the API versioning scheme is",
        SameObligation.statusOf(home.check(context)));
  }
}
