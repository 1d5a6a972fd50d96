package dev.fleetcheck.core.rules.io;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.SameObligation;
import java.util.Set;

/**
 * PY-IO-002 (assisted, derived): a partial failure never corrupts existing output. Its only signal
 * is PY-IO-001's, so it takes that rule's outcome as "same obligation" and is not scored twice
 * (docs/adr/0022).
 */
public final class PartialOutput implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-IO-002",
              Set.of(Profile.CLI),
              "Write output atomically (temp file, then rename) so a failure leaves the previous"
                  + " output intact.")
          .defined(
              "Derived from PY-IO-001 (non-atomic writes): NOT_APPLICABLE with the note \"same"
                  + " obligation as PY-IO-001\" and that rule's status; the finding is scored once,"
                  + " there.",
              Effort.MEDIUM);

  private final NonAtomicWrites home = new NonAtomicWrites();

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return SameObligation.judgedAt(
        NonAtomicWrites.ID,
        "writes that can leave partial output are",
        SameObligation.statusOf(home.check(context)));
  }
}
