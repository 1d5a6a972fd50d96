package dev.fleetcheck.core.testing;

import dev.fleetcheck.core.engine.ScanEngine;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.facts.profile.ProfileDetector;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.RepositoryRef;
import dev.fleetcheck.core.model.RuleResult;
import dev.fleetcheck.core.model.ScanReport;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RulePack;
import dev.fleetcheck.core.snapshot.RepoSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Builds a fixture repository with exactly the files a test case needs, in a folder the test owns
 * (pass a JUnit {@code @TempDir}). Optionally makes it a git repository with one commit.
 *
 * <pre>{@code
 * Path repo = FixtureRepo.in(tempDir).file("Makefile", "dev:\n\ttrue\n").build();
 * Outcome outcome = FixtureRepo.check(new DevTarget(), repo);
 * }</pre>
 */
public final class FixtureRepo {

  /** The fixed instant fixture scans run at: deterministic reports, predictable waiver expiry. */
  public static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  private final Path root;
  private boolean git;

  private FixtureRepo(Path root) {
    this.root = root;
  }

  public static FixtureRepo in(Path folder) {
    return new FixtureRepo(folder);
  }

  /** Writes a UTF-8 file, creating parent folders. */
  public FixtureRepo file(String path, String content) {
    return bytes(path, content.getBytes(StandardCharsets.UTF_8));
  }

  public FixtureRepo bytes(String path, byte[] content) {
    try {
      Path target = root.resolve(path);
      Files.createDirectories(target.getParent());
      Files.write(target, content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A minimal Python project marker so the python profile is detected. */
  public FixtureRepo python() {
    return file("pyproject.toml", "[project]\nname = \"fixture\"\nversion = \"0.1.0\"\n");
  }

  /** Makes the folder a git repository and commits every file when built. */
  public FixtureRepo git() {
    this.git = true;
    return this;
  }

  public Path build() {
    if (git) {
      try (Git repo = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
        repo.add().addFilepattern(".").call();
        PersonIdent who =
            new PersonIdent("Fixture", "fixture@example.invalid", NOW, ZoneOffset.UTC);
        repo.commit().setMessage("fixture").setAuthor(who).setCommitter(who).setSign(false).call();
      } catch (GitAPIException e) {
        throw new IllegalStateException("could not create fixture git repository", e);
      }
    }
    return root;
  }

  /** Runs one rule the way the engine does (profiles detected, applicability checked). */
  public static Outcome check(Rule rule, Path repo) {
    return result(rule, repo).outcome();
  }

  public static RuleResult result(Rule rule, Path repo) {
    ScanReport report = scan(RulePack.of(List.of(rule)), repo, id -> id.equals(rule.spec().id()));
    return report.results().get(0);
  }

  /** A whole scan with the given pack at {@link #NOW}. */
  public static ScanReport scan(
      RulePack pack, Path repo, java.util.function.Predicate<String> only) {
    ScanEngine engine = new ScanEngine(pack, Clock.fixed(NOW, ZoneOffset.UTC), "0.0.0-test");
    return engine.scan(
        RepoSnapshot.of(repo), new RepositoryRef("fixture", repo.toString(), ""), only);
  }

  /** The context a rule would see, for testing facts directly. */
  public static RuleContext context(Path repo) {
    Facts facts = new Facts(RepoSnapshot.of(repo));
    return new RuleContext(facts, facts.get(ProfileDetector.FACT).profiles());
  }
}
