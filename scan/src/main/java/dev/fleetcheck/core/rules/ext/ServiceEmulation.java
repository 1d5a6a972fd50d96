package dev.fleetcheck.core.rules.ext;

import dev.fleetcheck.core.facts.emulator.AwsUsage;
import dev.fleetcheck.core.facts.emulator.Emulator;
import dev.fleetcheck.core.facts.emulator.Emulators;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Judges AWS services against the emulators configured: each used service needs one emulator that
 * covers it (PY-EXT-009, PY-EXT-010). moto counts, in process or as a server (the "Emulators"
 * decision).
 */
final class ServiceEmulation {

  private ServiceEmulation() {}

  static Outcome judge(
      RuleContext context, List<String> services, String notUsed, String emulatorsNamed) {
    List<Map.Entry<String, Evidence>> used = context.fact(AwsUsage.FACT).among(services);
    if (used.isEmpty()) {
      return Outcome.notApplicable(notUsed);
    }
    Emulators emulators = context.fact(Emulators.FACT);
    List<Evidence> covered = new ArrayList<>();
    List<Evidence> uncovered = new ArrayList<>();
    for (Map.Entry<String, Evidence> service : used) {
      List<Emulator> covering = emulators.covering(service.getKey());
      Evidence where = service.getValue();
      if (covering.isEmpty()) {
        uncovered.add(
            new Evidence(
                where.path(),
                where.line(),
                service.getKey()
                    + " is used ("
                    + where.message()
                    + ") but no emulator covers it: "
                    + emulatorsNamed));
      } else {
        Evidence emulator = covering.get(0).where();
        covered.add(
            new Evidence(
                emulator.path(),
                emulator.line(),
                service.getKey()
                    + " emulated by "
                    + covering.get(0).kind().name()
                    + " ("
                    + emulator.message()
                    + ")"));
      }
    }
    return uncovered.isEmpty() ? Outcome.pass(covered) : Outcome.fail(uncovered);
  }
}
