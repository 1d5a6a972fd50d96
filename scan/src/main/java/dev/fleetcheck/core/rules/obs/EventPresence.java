package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.facts.pysource.PythonSources;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.rules.RuleContext;
import java.util.Optional;

/**
 * The shape shared by the rules that ask for one baseline event wherever some code needs it: NOT
 * APPLICABLE without product code or without the need, FAIL when the event name occurs nowhere in
 * product code ({@link LogEvents#occurs}), else MANUAL.
 */
final class EventPresence {

  private EventPresence() {}

  /**
   * @param need where the code first shows it needs the event; empty when it does not
   * @param why completes "no ... because": what the need is, for the NOT_APPLICABLE note
   */
  static Outcome outcome(RuleContext context, String event, Optional<Evidence> need, String why) {
    if (PythonCodebase.of(context.facts()).productModules().isEmpty()) {
      return Outcome.notApplicable("no Python product code");
    }
    if (need.isEmpty()) {
      return Outcome.notApplicable(why);
    }
    if (context.fact(LogEvents.FACT).occurs(event).isPresent()
        || (event.equals(LogEvents.AUDIT) && cadfAudit(context))) {
      return Outcome.noEvidentViolation();
    }
    Evidence at = need.get();
    return Outcome.fail(
        Evidence.at(
            at.path(),
            at.line(),
            at.message() + ", and the event " + event + " occurs nowhere in product code"));
  }

  /**
   * Whether product code emits CADF audit events (DMTF's audit event format, with their own outcome
   * field): pycadf, or keystonemiddleware's audit middleware. OpenStack services such as keystone
   * audit this way; such an audit trail stands for the {@code security.audit} event, and whether
   * each event is covered stays manual.
   */
  private static boolean cadfAudit(RuleContext context) {
    PythonSources sources = context.fact(PythonSources.FACT);
    return sources.imports("pycadf").isPresent()
        || sources.imports("keystonemiddleware.audit").isPresent();
  }
}
