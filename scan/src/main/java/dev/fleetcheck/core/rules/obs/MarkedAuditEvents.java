package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.SameObligation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PY-OBS-059 (assisted): audit events are marked apart ({@code event: security.audit}). Applies as
 * PY-OBS-052/053 (the API authenticates or denies). A finding per log call whose message or event
 * literal speaks of auditing but that carries no {@code security.audit} marker. When no audit event
 * exists at all, that one defect is judged and scored under PY-OBS-053 (or PY-OBS-052), so this
 * rule gives way with the note "same obligation as" (docs/adr/0022).
 */
public final class MarkedAuditEvents implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-OBS-059",
              Set.of(Profile.API),
              "Mark every audit log with event=\"security.audit\" (or that message) so audit"
                  + " events can be routed and retained apart.")
          .defined(
              "FAIL per log call whose message or event literal contains \"audit\" without a"
                  + " security.audit marker; when security.audit occurs nowhere, gives way to"
                  + " PY-OBS-053/PY-OBS-052 (same obligation); NOT_APPLICABLE when the API"
                  + " neither authenticates nor denies.",
              Effort.LOW);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    Outcome denial = Homes.outcomeOf(context, new DenialAudit());
    Outcome authentication = Homes.outcomeOf(context, new AuthenticationAudit());
    if (denial.status() == Status.NOT_APPLICABLE
        && authentication.status() == Status.NOT_APPLICABLE) {
      return denial;
    }
    List<Evidence> findings = new ArrayList<>();
    for (LogEvents.Site site : context.fact(LogEvents.FACT).sites()) {
      boolean mentions = site.events().stream().anyMatch(AuditCalls::mentionsAudit);
      boolean marked =
          site.emits(LogEvents.AUDIT)
              || site.arguments().stream().anyMatch(v -> v.containsString(LogEvents.AUDIT))
              || site.arguments().stream()
                  .anyMatch(
                      v ->
                          v instanceof PyValue.Dict d
                              && d.entries().stream()
                                  .anyMatch(e -> e.value().containsString(LogEvents.AUDIT)));
      if (mentions && !marked) {
        findings.add(site.at("audit log without the security.audit marker"));
      }
    }
    if (!findings.isEmpty()) {
      return Outcome.fail(findings);
    }
    if (denial.status() == Status.FAIL) {
      return SameObligation.judgedAt(
          "PY-OBS-053", "a missing audit event is", SameObligation.statusOf(denial));
    }
    if (authentication.status() == Status.FAIL) {
      return SameObligation.judgedAt(
          "PY-OBS-052", "a missing audit event is", SameObligation.statusOf(authentication));
    }
    return Outcome.noEvidentViolation();
  }
}
