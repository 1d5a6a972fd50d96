package dev.fleetcheck.core.rules.code;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.SameObligation;
import dev.fleetcheck.core.rules.io.FrameworkObjectsInDomain;
import java.util.Set;

/**
 * PY-CODE-009 (assisted): framework request and response objects stay at the edges. RULES-NEXT.md
 * makes PY-IO-008 the home of this finding; this rule shows that outcome without scoring it again
 * (docs/adr/0022).
 */
public final class FrameworkObjectsAtEdges implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-CODE-009",
              Set.of(Profile.API),
              "Keep request and response objects in the web layer; pass plain values or domain"
                  + " models to the rest of the code.")
          .defined(
              "Same finding as PY-IO-008: NOT_APPLICABLE with the note \"same obligation as"
                  + " PY-IO-008\" and that rule's status; scored once, there.",
              Effort.MEDIUM);

  private final FrameworkObjectsInDomain home = new FrameworkObjectsInDomain();

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return SameObligation.judgedAt(
        FrameworkObjectsInDomain.ID,
        "framework objects outside the web layer are",
        SameObligation.statusOf(home.check(context)));
  }
}
