package dev.fleetcheck.core.engine;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Waiver;
import dev.fleetcheck.core.secrets.Redactor;
import java.util.List;

/**
 * The one step every string quoted from a repository passes before a report holds it: evidence
 * paths and messages, reasons, waiver rationales and scan notes lose any credential to {@link
 * Redactor}. It runs where results enter the report, so every renderer, store and export gets
 * redacted text without doing anything.
 */
final class EvidenceRedaction {

  private final Redactor redactor;

  EvidenceRedaction(Redactor redactor) {
    this.redactor = redactor;
  }

  Outcome redact(Outcome outcome) {
    if (outcome instanceof Outcome.Pass pass) {
      return Outcome.pass(redact(pass.evidence()));
    }
    if (outcome instanceof Outcome.Fail fail) {
      return Outcome.fail(redact(fail.evidence()));
    }
    if (outcome instanceof Outcome.Waived waived) {
      return new Outcome.Waived(redact(waived.waiver()), redact(waived.evidence()));
    }
    if (outcome instanceof Outcome.NotApplicable notApplicable) {
      return Outcome.notApplicable(redactor.redact(notApplicable.reason()));
    }
    if (outcome instanceof Outcome.Error error) {
      return Outcome.error(redactor.redact(error.reason()));
    }
    return outcome;
  }

  List<Evidence> redact(List<Evidence> evidence) {
    return evidence.stream().map(this::redact).toList();
  }

  Evidence redact(Evidence evidence) {
    String path = redactor.redact(evidence.path());
    String message = redactor.redact(evidence.message());
    return path == evidence.path() && message == evidence.message()
        ? evidence
        : new Evidence(path, evidence.line(), message);
  }

  private Waiver redact(Waiver waiver) {
    return new Waiver(
        redactor.redact(waiver.path()),
        waiver.ruleIds(),
        waiver.expires(),
        redactor.redact(waiver.rationale()));
  }
}
