package dev.fleetcheck.core.report;

import dev.fleetcheck.core.engine.Scoring;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Level;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.RepositoryRef;
import dev.fleetcheck.core.model.RuleKind;
import dev.fleetcheck.core.model.RuleMeta;
import dev.fleetcheck.core.model.RuleResult;
import dev.fleetcheck.core.model.ScanReport;
import dev.fleetcheck.core.model.Waiver;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Hand-built reports that hold every outcome kind, for renderer tests here and in other modules
 * (shared through the core test-jar).
 */
public final class SampleReports {

  public static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

  private SampleReports() {}

  /** One result of each status, evidence with and without lines, a waiver and a scan note. */
  public static ScanReport mixed() {
    List<RuleResult> results =
        List.of(
            result(
                meta("PY-LCL-001", "2.1", "Bootstrap: make dev target", Level.REQUIRED),
                Level.REQUIRED,
                Outcome.fail(
                    Evidence.file("Makefile", "no dev target"),
                    Evidence.repository("no other task runner found"))),
            result(
                meta("PY-LCL-009", "2.2", "Use uv with a committed uv.lock", Level.REQUIRED),
                Level.REQUIRED,
                Outcome.pass(Evidence.file("uv.lock", "uv.lock at the root"))),
            result(
                meta("PY-STYLE-001", "15", "Indent with spaces, never tabs", Level.REQUIRED),
                Level.REQUIRED,
                Outcome.fail(
                    Evidence.at("src/app/main.py", 12, "indented with a tab"),
                    Evidence.at("src/app/cli.py", 3, "indented with a tab"))),
            result(
                meta("PY-LCL-014", "2.3", "Pre-commit runs ruff-format", Level.RECOMMENDED),
                Level.RECOMMENDED,
                new Outcome.Waived(
                    new Waiver(
                        "docs/adr/0002-no-pre-commit.md",
                        List.of("PY-LCL-014"),
                        LocalDate.parse("2099-12-31"),
                        "CI runs the formatter"),
                    List.of(
                        Evidence.file(".pre-commit-config.yaml", "no ruff-format hook"),
                        Evidence.file(
                            "docs/adr/0002-no-pre-commit.md",
                            "waived until 2099-12-31: CI runs the formatter")))),
            result(
                meta("PY-LCL-023", "2.5", "A test-watch target", Level.ADVISORY),
                Level.ADVISORY,
                Outcome.fail(Evidence.file("Makefile", "no test-watch target"))),
            result(
                meta("PY-OBS-012", "10.3", "Structured logging is available", Level.RECOMMENDED),
                Level.REQUIRED,
                Outcome.error("check failed: IllegalStateException: parser gave up")),
            new RuleResult(
                new RuleMeta(
                    "PY-PKG-002",
                    "4.1",
                    "The CLI offers --version",
                    Level.REQUIRED,
                    Set.of(Profile.CLI),
                    RuleKind.AUTOMATED,
                    "Add a --version option."),
                Level.REQUIRED,
                Outcome.notApplicable("applies to profile cli; detected python")),
            new RuleResult(
                new RuleMeta(
                    "PY-QR-001",
                    "0",
                    "Specification first",
                    Level.ADVISORY,
                    Set.of(Profile.PYTHON),
                    RuleKind.MANUAL,
                    "Review by hand against the standard's text for PY-QR-001."),
                Level.ADVISORY,
                new Outcome.Manual()));
    return report(
        new RepositoryRef("sample-api", "https://git.example.com/org/sample-api.git", COMMIT),
        results,
        List.of(Evidence.file("pyproject.toml", "malformed TOML at line 3")));
  }

  /**
   * One rule of each kind: an automated PASS, an assisted FAIL, an assisted MANUAL with the note
   * "no evident violation found", and a manual rule.
   */
  public static ScanReport kinds() {
    List<RuleResult> results =
        List.of(
            result(
                meta("PY-LCL-009", "2.2", "Use uv with a committed uv.lock", Level.REQUIRED),
                Level.REQUIRED,
                Outcome.pass(Evidence.file("uv.lock", "uv.lock at the root"))),
            result(
                assisted("PY-SEC-045", "11.2", "HTTPS everywhere"),
                Level.REQUIRED,
                Outcome.fail(
                    Evidence.at("app/client.py", 4, "TLS verification off: verify=False"))),
            result(
                assisted("PY-SEC-003", "11.1", "External inputs are validated"),
                Level.REQUIRED,
                Outcome.noEvidentViolation()),
            result(
                new RuleMeta(
                    "PY-QR-001",
                    "0",
                    "Specification first",
                    Level.ADVISORY,
                    Set.of(Profile.PYTHON),
                    RuleKind.MANUAL,
                    "Review by hand against the standard's text for PY-QR-001."),
                Level.ADVISORY,
                Outcome.manual()));
    return report(
        new RepositoryRef("kinds", "https://git.example.com/org/kinds.git", COMMIT),
        results,
        List.of());
  }

  private static RuleMeta assisted(String id, String section, String title) {
    return new RuleMeta(
        id, section, title, Level.REQUIRED, Set.of(Profile.PYTHON), RuleKind.ASSISTED, "Fix it.");
  }

  /** Text that breaks naive CSV, Markdown and JSON writers, in every free-text field. */
  /** The mixed report about another repository. */
  public static ScanReport withRepository(RepositoryRef repository) {
    ScanReport mixed = mixed();
    return report(repository, mixed.results(), mixed.notes());
  }

  public static ScanReport hostile() {
    String nasty = "=cmd|' /C calc'!A0, \"quoted\"\nsecond line | pipe `tick` <b>";
    List<RuleResult> results =
        List.of(
            result(
                new RuleMeta(
                    "PY-SEC-001",
                    "11.1",
                    "+" + nasty,
                    Level.REQUIRED,
                    Set.of(Profile.CLI, Profile.PYTHON),
                    RuleKind.AUTOMATED,
                    "-" + nasty),
                Level.REQUIRED,
                Outcome.fail(
                    Evidence.at("dir with space/@weird,name.py", 7, nasty),
                    Evidence.repository("@" + nasty))));
    return report(
        new RepositoryRef("hostile, \"repo\"", "/tmp/hostile | repo", ""),
        results,
        List.of(Evidence.repository(nasty)));
  }

  private static ScanReport report(
      RepositoryRef repository, List<RuleResult> results, List<Evidence> notes) {
    return new ScanReport(
        "0.1.0",
        "1.3.2",
        "sha256:00112233aabbccdd",
        repository,
        Instant.parse("2026-06-01T12:00:00Z"),
        EnumSet.of(Profile.PYTHON, Profile.API),
        results,
        Scoring.score(results),
        notes);
  }

  private static RuleMeta meta(String id, String section, String title, Level level) {
    return new RuleMeta(
        id,
        section,
        title,
        level,
        Set.of(Profile.PYTHON),
        RuleKind.AUTOMATED,
        "Fix " + id + " this way.");
  }

  private static RuleResult result(RuleMeta meta, Level level, Outcome outcome) {
    return new RuleResult(meta, level, outcome);
  }
}
