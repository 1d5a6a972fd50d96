package dev.fleetcheck.core.engine;

import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.facts.profile.DetectedProfiles;
import dev.fleetcheck.core.facts.profile.ProfileDetector;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Level;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.RepositoryRef;
import dev.fleetcheck.core.model.RuleKind;
import dev.fleetcheck.core.model.RuleMeta;
import dev.fleetcheck.core.model.RuleResult;
import dev.fleetcheck.core.model.ScanReport;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.model.Waiver;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RulePack;
import dev.fleetcheck.core.secrets.Redactor;
import dev.fleetcheck.core.snapshot.RepoSnapshot;
import dev.fleetcheck.core.snapshot.ScanDeadline;
import dev.fleetcheck.core.waiver.WaiverRecords;
import dev.fleetcheck.core.waiver.WaiverSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Runs a rule pack over one snapshot: detects profiles, decides applicability, runs each check,
 * applies waivers and scores. Thread-safe; one call is one scan, its rules run on the calling
 * thread and the engine's rule threads ({@link RuleThreads}), the results in pack order. The
 * snapshot's {@link ScanDeadline} is checked before each rule: a scan out of time throws
 * SCAN_TIMEOUT rather than report partial results.
 */
public final class ScanEngine {

  private final RulePack pack;
  private final Clock clock;
  private final EvidenceRedaction redaction = new EvidenceRedaction(Redactor.standard());
  private final String toolVersion;

  public ScanEngine(RulePack pack, Clock clock, String toolVersion) {
    this.pack = pack;
    this.clock = clock;
    this.toolVersion = toolVersion;
  }

  public RulePack pack() {
    return pack;
  }

  /** Scans every rule of the pack. */
  public ScanReport scan(RepoSnapshot snapshot, RepositoryRef repository) {
    return scan(snapshot, repository, id -> true);
  }

  /** Scans the rules whose ID {@code selected} accepts; the others are left out of the report. */
  public ScanReport scan(
      RepoSnapshot snapshot, RepositoryRef repository, Predicate<String> selected) {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    Facts facts = new Facts(snapshot);
    DetectedProfiles detected = facts.get(ProfileDetector.FACT);
    Set<Profile> profiles = detected.profiles();
    RuleContext context = new RuleContext(facts, profiles);
    WaiverSet waivers = facts.get(WaiverRecords.FACT);

    List<RuleMeta> metas = pack.metas().stream().filter(meta -> selected.test(meta.id())).toList();
    List<RuleResult> results =
        RuleThreads.map(
            metas,
            meta -> {
              snapshot.deadline().check();
              Optional<Rule> rule = pack.rule(meta.id());
              Level level = rule.map(r -> r.level(meta.level(), profiles)).orElse(meta.level());
              Outcome outcome = outcomeOf(meta, rule, context, snapshot.deadline());
              outcome = redaction.redact(applyWaiver(meta.id(), outcome, waivers, today));
              return new RuleResult(meta, level, outcome);
            });
    List<Evidence> notes = new ArrayList<>(snapshot.notes());
    if (!profiles.contains(Profile.PYTHON)) {
      notes.add(
          Evidence.repository(
              "no Python project found (no pyproject.toml, setup.py, setup.cfg, requirements*.txt"
                  + " or .py file outside vendored folders): every rule is NOT_APPLICABLE"));
    }
    notes.addAll(facts.problems());
    return new ScanReport(
        toolVersion,
        dev.fleetcheck.core.catalogue.Catalogue.STANDARD_VERSION,
        pack.digest(),
        repository,
        now,
        profiles,
        results,
        Scoring.score(results),
        redaction.redact(notes).stream().sorted().distinct().toList());
  }

  private static Outcome outcomeOf(
      RuleMeta meta, Optional<Rule> rule, RuleContext context, ScanDeadline deadline) {
    if (!context.has(Profile.PYTHON)) {
      return Outcome.notApplicable("not a Python repository");
    }
    if (rule.isEmpty()) {
      return Outcome.manual();
    }
    if (meta.profiles().stream().noneMatch(context::has)) {
      return Outcome.notApplicable(
          "applies to profile "
              + profileList(meta.profiles())
              + "; detected "
              + profileList(context.profiles()));
    }
    try {
      Outcome outcome = rule.get().check(context);
      if (meta.kind() == RuleKind.ASSISTED && outcome.status() == Status.PASS) {
        // An assisted check cannot prove compliance; a PASS would be a defect of the check.
        return Outcome.error("an assisted check answered PASS; it may only FAIL or stay MANUAL");
      }
      return outcome;
    } catch (RuntimeException | StackOverflowError e) {
      // A check that ran out of time (or swallowed the snapshot's timeout) ends the scan instead.
      deadline.check();
      return Outcome.error(
          "check failed: "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())));
    }
  }

  private static Outcome applyWaiver(
      String ruleId, Outcome outcome, WaiverSet waivers, LocalDate today) {
    if (!(outcome instanceof Outcome.Fail fail)) {
      return outcome;
    }
    Optional<Waiver> waiver = waivers.forRule(ruleId);
    if (waiver.isEmpty()) {
      return outcome;
    }
    Waiver record = waiver.get();
    if (record.activeOn(today)) {
      List<Evidence> evidence = new ArrayList<>(fail.evidence());
      evidence.add(
          Evidence.file(
              record.path(), "waived until " + record.expires() + ": " + record.rationale()));
      return new Outcome.Waived(record, evidence);
    }
    List<Evidence> evidence = new ArrayList<>(fail.evidence());
    evidence.add(Evidence.file(record.path(), "waiver expired on " + record.expires()));
    return Outcome.fail(evidence);
  }

  private static String profileList(Set<Profile> profiles) {
    if (profiles.isEmpty()) {
      return "none";
    }
    return String.join(" or ", profiles.stream().map(Profile::id).sorted().toList());
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
