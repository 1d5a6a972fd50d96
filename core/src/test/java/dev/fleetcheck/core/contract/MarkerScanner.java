package dev.fleetcheck.core.contract;

import dev.fleetcheck.core.catalogue.Catalogue;
import dev.fleetcheck.core.catalogue.CatalogueEntry;
import dev.fleetcheck.core.engine.Scoring;
import dev.fleetcheck.core.fleet.CodeOwners;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.RepositoryRef;
import dev.fleetcheck.core.model.RuleKind;
import dev.fleetcheck.core.model.RuleMeta;
import dev.fleetcheck.core.model.RuleResult;
import dev.fleetcheck.core.model.ScanReport;
import dev.fleetcheck.core.model.ScannedRepo;
import dev.fleetcheck.core.model.Waiver;
import dev.fleetcheck.core.port.RepoScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A scanner without the scan engine, for the fleet use cases and their contract suites: each marker
 * rule fails when the work tree holds the file {@code fail-<rule ID>} (with the file's first line
 * as evidence) and passes otherwise; every other rule of the catalogue is manual. A file {@code
 * waive-<rule ID>} holding a date waives that failure through that day (UTC) as the engine does,
 * and after it the failure carries "waiver expired on DATE". The team comes from the CODEOWNERS
 * files as {@link CodeOwners} reads them. Marker rules named by {@link #assisted} are assisted: a
 * marker fails them, and without one they stay MANUAL with "no evident violation found".
 */
public final class MarkerScanner implements RepoScanner {

  private final Clock clock;
  private final List<RuleMeta> metas;
  private final Set<String> markerRules;
  private final Set<String> assistedRules;
  private final String digest;

  public MarkerScanner(Clock clock, String... markerRules) {
    this(clock, Set.of(), markerRules);
  }

  private MarkerScanner(Clock clock, Set<String> assistedRules, String... markerRules) {
    this.clock = clock;
    this.assistedRules = Set.copyOf(assistedRules);
    this.markerRules = Set.of(markerRules);
    List<RuleMeta> all = new ArrayList<>();
    for (CatalogueEntry entry : Catalogue.standard().entries()) {
      boolean automated = this.markerRules.contains(entry.id());
      all.add(
          new RuleMeta(
              entry.id(),
              entry.section(),
              entry.title(),
              entry.level(),
              EnumSet.of(Profile.PYTHON),
              !automated
                  ? RuleKind.MANUAL
                  : assistedRules.contains(entry.id()) ? RuleKind.ASSISTED : RuleKind.AUTOMATED,
              automated ? "Remove the marker file." : "Review by hand."));
    }
    this.metas = List.copyOf(all);
    Set<String> identity = new java.util.HashSet<>(this.markerRules);
    this.assistedRules.forEach(id -> identity.add("assisted:" + id));
    this.digest = digestOf(identity);
  }

  /** A scanner with the same marker rules, of which {@code ruleIds} are assisted. */
  public MarkerScanner assisted(String... ruleIds) {
    return new MarkerScanner(clock, Set.of(ruleIds), markerRules.toArray(String[]::new));
  }

  public static String markerFile(String ruleId) {
    return "fail-" + ruleId;
  }

  public static String waiverFile(String ruleId) {
    return "waive-" + ruleId;
  }

  /** Every rule of the catalogue as this scanner reports it. */
  public List<RuleMeta> metas() {
    return metas;
  }

  @Override
  public String rulePackDigest() {
    return digest;
  }

  @Override
  public ScannedRepo scan(Path directory, RepositoryRef repository) {
    List<RuleResult> results = new ArrayList<>();
    for (RuleMeta meta : metas) {
      results.add(new RuleResult(meta, meta.level(), outcome(directory, meta)));
    }
    ScanReport report =
        new ScanReport(
            "test",
            Catalogue.STANDARD_VERSION,
            digest,
            repository,
            clock.instant(),
            Set.of(Profile.PYTHON),
            results,
            Scoring.score(results),
            List.of());
    return new ScannedRepo(
        report,
        CodeOwners.teamOf(
            path -> Files.isRegularFile(directory.resolve(path)),
            path -> text(directory.resolve(path))));
  }

  private Outcome outcome(Path directory, RuleMeta meta) {
    if (!meta.kind().checked()) {
      return Outcome.manual();
    }
    String marker = markerFile(meta.id());
    Optional<String> failure = firstLine(directory, marker);
    if (failure.isEmpty()) {
      return meta.kind() == RuleKind.ASSISTED
          ? Outcome.noEvidentViolation()
          : Outcome.pass(Evidence.repository("no marker"));
    }
    Evidence evidence = Evidence.at(marker, 1, failure.get());
    String waiverFile = waiverFile(meta.id());
    Optional<LocalDate> expires = firstLine(directory, waiverFile).map(LocalDate::parse);
    if (expires.isEmpty()) {
      return Outcome.fail(evidence);
    }
    Waiver waiver = new Waiver(waiverFile, List.of(meta.id()), expires.get(), "test waiver");
    if (waiver.activeOn(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))) {
      return new Outcome.Waived(waiver, List.of(evidence));
    }
    return Outcome.fail(evidence, Evidence.file(waiverFile, "waiver expired on " + expires.get()));
  }

  private static Optional<String> firstLine(Path directory, String file) {
    return text(directory.resolve(file)).map(text -> text.lines().findFirst().orElse(""));
  }

  private static Optional<String> text(Path path) {
    if (!Files.isRegularFile(path)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String digestOf(Set<String> rules) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  String.join(",", rules.stream().sorted().toList())
                      .getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(hash).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
