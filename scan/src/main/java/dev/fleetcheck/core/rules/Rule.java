package dev.fleetcheck.core.rules;

import dev.fleetcheck.core.model.Level;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import java.util.Set;

/**
 * One automated check of the standard. The engine calls {@link #check} only when the repository has
 * one of {@link RuleSpec#profiles()}; the rule may still answer NOT_APPLICABLE when there is
 * nothing to check. A rule reads facts, never files it has not asked the snapshot for, and never
 * throws on bad input: a malformed file is evidence.
 */
public interface Rule {

  RuleSpec spec();

  Outcome check(RuleContext context);

  /** The level that applies; a few rules are stricter for some profiles (RULES.md). */
  default Level level(Level catalogued, Set<Profile> profiles) {
    return catalogued;
  }
}
