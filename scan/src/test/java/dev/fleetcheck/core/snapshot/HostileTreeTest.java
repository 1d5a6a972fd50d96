package dev.fleetcheck.core.snapshot;

import static dev.fleetcheck.core.snapshot.GitIndexFileSetTest.paths;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.engine.ScanEngine;
import dev.fleetcheck.core.facts.ConfigParsers;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.facts.Parsed;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.RepositoryRef;
import dev.fleetcheck.core.model.ScanReport;
import dev.fleetcheck.core.rules.RulePack;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance cases for hostile trees: the whole engine runs over each, completes, and the
 * report's notes say what was skipped and why. The timeouts only turn a hang into a failure.
 */
@Timeout(120)
class HostileTreeTest {

  @TempDir Path dir;

  private static ScanReport scan(Path repo) {
    return FixtureRepo.scan(RulePack.standard(), repo, id -> true);
  }

  private static ScanReport scan(Path repo, SnapshotLimits limits) {
    ScanEngine engine =
        new ScanEngine(RulePack.standard(), Clock.fixed(FixtureRepo.NOW, ZoneOffset.UTC), "test");
    return engine.scan(
        RepoSnapshot.of(repo, limits),
        new RepositoryRef("fixture", repo.toString(), ""),
        id -> true);
  }

  private static Evidence noteAbout(ScanReport report, String path) {
    return report.notes().stream()
        .filter(n -> n.path().equals(path))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no note about " + path + " in " + report.notes()));
  }

  @Test
  void symlinkLoopsEndWithNotes() throws Exception {
    Path repo = FixtureRepo.in(dir).python().build();
    HostileFiles.symlink(repo.resolve("loop-a"), "loop-b");
    HostileFiles.symlink(repo.resolve("loop-b"), "loop-a");
    HostileFiles.symlink(repo.resolve("pkg/self"), "..");
    HostileFiles.symlink(repo.resolve("dangling"), "no-such-file");

    ScanReport report = scan(repo);

    assertThat(report.results()).hasSize(314);
    assertThat(noteAbout(report, "loop-a").message()).contains("loops, dangles");
    assertThat(noteAbout(report, "loop-b").message()).contains("loops, dangles");
    assertThat(noteAbout(report, "dangling").message()).contains("loops, dangles");
    assertThat(noteAbout(report, "pkg/self").message()).contains("to a folder");
  }

  @Test
  void symlinksOutOfTheTreeAreNeverFollowed() throws Exception {
    Path repo = FixtureRepo.in(dir.resolve("repo")).python().build();
    Path outsideFile = dir.resolve("outside-secret.txt");
    Files.writeString(outsideFile, "AKIAIOSFODNN7EXAMPLE");
    HostileFiles.symlink(repo.resolve("etc"), "/etc");
    HostileFiles.symlink(repo.resolve("conf/passwd"), "/etc/passwd");
    HostileFiles.symlink(repo.resolve("secret.txt"), "../outside-secret.txt");

    ScanReport report = scan(repo);
    RepoSnapshot snapshot = RepoSnapshot.of(repo);

    for (String link : List.of("etc", "conf/passwd", "secret.txt")) {
      assertThat(noteAbout(report, link).message()).contains("outside the repository");
      assertThat(snapshot.exists(link)).isFalse();
      assertThat(snapshot.readText(link)).isEmpty();
    }
    assertThat(paths(snapshot)).containsExactly("pyproject.toml");
  }

  @Test
  void aLinkToAFileThatCountsIsIndexedUnderItsOwnPath() throws Exception {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(".gitignore", "ignored.mk\n")
            .file("support/Makefile", "dev:\n\tuv sync\n")
            .file("ignored.mk", "lint:\n")
            .build();
    HostileFiles.symlink(repo.resolve("Makefile"), "support/Makefile");
    HostileFiles.symlink(repo.resolve("lint.mk"), "ignored.mk");

    RepoSnapshot snapshot = RepoSnapshot.of(repo);

    assertThat(snapshot.readText("Makefile")).contains("dev:\n\tuv sync\n");
    assertThat(snapshot.linkTarget("Makefile")).contains("support/Makefile");
    assertThat(snapshot.file("Makefile"))
        .hasValueSatisfying(f -> assertThat(f.size()).isEqualTo(14));
    assertThat(snapshot.exists("lint.mk")).isFalse();
    assertThat(snapshot.notes())
        .contains(
            Evidence.file(
                "lint.mk",
                "symbolic link to a folder or to a file that is not indexed; not followed"));
  }

  @Test
  void trackedSymlinksFollowTheSameRulesInAGitCheckout() throws Exception {
    Path repo = FixtureRepo.in(dir).python().file("support/Makefile", "dev:\n").build();
    HostileFiles.symlink(repo.resolve("Makefile"), "support/Makefile");
    HostileFiles.symlink(repo.resolve("passwd"), "/etc/passwd");
    FixtureRepo.in(repo).git().build();

    RepoSnapshot snapshot = RepoSnapshot.of(repo);

    assertThat(snapshot.gitCheckout()).isTrue();
    assertThat(snapshot.readText("Makefile")).contains("dev:\n");
    assertThat(snapshot.exists("passwd")).isFalse();
    assertThat(snapshot.notes())
        .anySatisfy(
            n -> {
              assertThat(n.path()).isEqualTo("passwd");
              assertThat(n.message()).contains("outside the repository");
            });
  }

  @Test
  void fifosAndSocketsAreNeverOpened() throws Exception {
    Path repo = FixtureRepo.in(dir).python().build();
    HostileFiles.socket(repo.resolve("app.sock"));
    HostileFiles.fifo(repo.resolve("pipe.py"));

    ScanReport report = scan(repo);

    assertThat(noteAbout(report, "app.sock").message()).contains("not a regular file");
    assertThat(noteAbout(report, "pipe.py").message()).contains("not a regular file");
    assertThat(RepoSnapshot.of(repo).readText("pipe.py")).isEmpty();
  }

  @Test
  void namesThatAreNotUtf8AreSkippedWithANoteAndValidUnicodeNamesWork() throws Exception {
    // The JVM maps file names through sun.jnu.encoding, taken from the locale at start-up: under
    // LANG=C no non-ASCII name can even be created, so the case has nothing to check there.
    Assumptions.assumeTrue(
        "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")),
        "file names are not UTF-8 in this JVM (locale without UTF-8); set LANG=C.UTF-8");
    Path repo = FixtureRepo.in(dir).python().file("caf\u00e9/\u00fcber.py", "x = 1\n").build();
    HostileFiles.rawNamedFile(repo, HostileFiles.latin1("caf\u00e9.py"));
    Files.createDirectories(repo.resolve("pkg"));
    HostileFiles.rawNamedFile(repo.resolve("pkg"), new byte[] {'m', (byte) 0xff, '.', 'p', 'y'});

    ScanReport report = scan(repo);
    RepoSnapshot snapshot = RepoSnapshot.of(repo);

    assertThat(report.notes())
        .filteredOn(n -> n.message().contains("not valid UTF-8"))
        .hasSize(2)
        .extracting(Evidence::path)
        .allSatisfy(p -> assertThat(p).endsWith(".py"));
    assertThat(paths(snapshot)).containsExactly("caf\u00e9/\u00fcber.py", "pyproject.toml");
    assertThat(snapshot.readText("caf\u00e9/\u00fcber.py")).contains("x = 1\n");
  }

  @Test
  void aFiftyMegabyteFileIsIndexedButNeverRead() throws Exception {
    Path repo = FixtureRepo.in(dir).python().build();
    HostileFiles.sparse(repo.resolve("data/huge.py"), 50L * 1024 * 1024);

    ScanReport report = scan(repo);

    assertThat(noteAbout(report, "data/huge.py").message())
        .contains("larger than the content limit")
        .contains("52428800 bytes");
    assertThat(RepoSnapshot.of(repo).readText("data/huge.py")).isEmpty();
  }

  @Test
  void malformedTomlAndYamlBecomeNotesWithPathLineAndParserMessage() {
    Path repo =
        FixtureRepo.in(dir)
            .file("pyproject.toml", "[project]\nname = \"x\"\n[tool.ruff\nline-length = 88\n")
            .file(".pre-commit-config.yaml", "repos:\n  - repo: local\n    hooks: [\n  bad: : :\n")
            .build();
    Facts facts = FixtureRepo.context(repo).facts();

    Parsed<?> toml = ConfigParsers.toml(facts, "pyproject.toml");
    Parsed<?> yaml = ConfigParsers.yaml(facts, ".pre-commit-config.yaml");

    assertThat(toml)
        .isInstanceOfSatisfying(
            Parsed.Malformed.class,
            m -> {
              Evidence problem = m.problem();
              assertThat(problem.path()).isEqualTo("pyproject.toml");
              assertThat(problem.line()).isEqualTo(3);
              assertThat(problem.message()).startsWith("malformed TOML: ").hasSizeGreaterThan(20);
            });
    assertThat(yaml)
        .isInstanceOfSatisfying(
            Parsed.Malformed.class,
            m -> {
              Evidence problem = m.problem();
              assertThat(problem.path()).isEqualTo(".pre-commit-config.yaml");
              assertThat(problem.line()).isPositive();
              assertThat(problem.message()).startsWith("malformed YAML: ").hasSizeGreaterThan(20);
            });
    assertThat(facts.problems()).hasSize(2);
    ScanReport report = scan(repo);
    assertThat(report.results()).hasSize(314);
    assertThat(report.notes())
        .anySatisfy(
            n -> {
              assertThat(n.path()).isEqualTo("pyproject.toml");
              assertThat(n.line()).isEqualTo(3);
              assertThat(n.message()).startsWith("malformed TOML: ");
            })
        .anySatisfy(
            n -> {
              assertThat(n.path()).isEqualTo(".pre-commit-config.yaml");
              assertThat(n.line()).isPositive();
              assertThat(n.message()).startsWith("malformed YAML: ");
            });
  }

  @Test
  void aSmallFileCapIsHitWithANoteAndTheScanCompletes() {
    Path repo = FixtureRepo.in(dir).python().build();
    SyntheticFolders.emptyFiles(repo, 2_000);

    ScanReport report = scan(repo, SnapshotLimits.defaults().withMaxFiles(500));

    assertThat(report.results()).hasSize(314);
    assertThat(report.notes())
        .contains(
            Evidence.repository(
                "file limit of 500 reached; the rest of the folder is not indexed"));
  }

  @Test
  @Tag("integration")
  void aHundredThousandEmptyFilesAreIndexed() {
    Path repo = FixtureRepo.in(dir).python().build();
    SyntheticFolders.emptyFiles(repo, 100_000);

    ScanReport report = scan(repo);
    RepoSnapshot snapshot = RepoSnapshot.of(repo);

    assertThat(report.results()).hasSize(314);
    assertThat(snapshot.files()).hasSize(100_001);
    assertThat(report.notes()).noneMatch(n -> n.message().contains("file limit"));
    assertThat(scan(repo, SnapshotLimits.defaults().withMaxFiles(50_000)).notes())
        .contains(
            Evidence.repository(
                "file limit of 50000 reached; the rest of the folder is not indexed"));
  }
}
