package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.SameObligation;
import java.util.Optional;
import java.util.function.Function;

/**
 * The shape of the rules that ask one more thing of an API's metrics (PY-OBS-039, -040): where no
 * metrics exist at all, that defect is PY-OBS-038's (same obligation, scored there once); where
 * metrics exist and the aspect shows nowhere, FAIL; else MANUAL.
 */
final class MetricsAspect {

  private MetricsAspect() {}

  /**
   * @param aspect the first sign of the aspect, or empty
   * @param missing completes "metrics are recorded (...), but ..."
   */
  static Outcome outcome(
      RuleContext context, Function<MetricsInventory, Optional<Evidence>> aspect, String missing) {
    Outcome home = Homes.outcomeOf(context, new RequestMetrics());
    if (home.status() == Status.NOT_APPLICABLE) {
      return home;
    }
    if (home.status() == Status.FAIL) {
      return SameObligation.judgedAt(
          RequestMetrics.ID, "an API without metrics is", SameObligation.statusOf(home));
    }
    MetricsInventory metrics = context.fact(MetricsInventory.FACT);
    Optional<Evidence> library = metrics.library();
    if (library.isEmpty() || aspect.apply(metrics).isPresent()) {
      return Outcome.noEvidentViolation();
    }
    Evidence at = library.get();
    return Outcome.fail(
        Evidence.at(
            at.path(), at.line(), "metrics are recorded (" + at.message() + "), but " + missing));
  }
}
