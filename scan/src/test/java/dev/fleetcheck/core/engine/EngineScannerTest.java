package dev.fleetcheck.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.RepositoryRef;
import dev.fleetcheck.core.model.ScannedRepo;
import dev.fleetcheck.core.rules.RulePack;
import dev.fleetcheck.core.snapshot.SnapshotLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineScannerTest {

  private final EngineScanner scanner =
      new EngineScanner(
          new ScanEngine(
              RulePack.standard(),
              Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC),
              "test"),
          SnapshotLimits.defaults());

  @Test
  void reportsThePacksDigestAndTheScannedRepository(@TempDir Path repo) throws Exception {
    Files.writeString(repo.resolve("app.py"), "print('hi')\n");
    ScannedRepo scanned = scan(repo);
    assertThat(scanner.rulePackDigest()).isEqualTo(RulePack.standard().digest());
    assertThat(scanned.report().rulePackDigest()).isEqualTo(RulePack.standard().digest());
    assertThat(scanned.report().repository().name()).isEqualTo("demo");
  }

  @Test
  void teamComesFromTheFirstCodeOwnersFileInGitHubsOrder(@TempDir Path repo) throws Exception {
    Files.createDirectories(repo.resolve("docs"));
    Files.writeString(repo.resolve("CODEOWNERS"), "* @acme/root-team\n");
    Files.writeString(repo.resolve("docs/CODEOWNERS"), "* @acme/docs-team\n");
    assertThat(scan(repo).codeOwnersTeam()).contains("acme/root-team");

    Files.createDirectories(repo.resolve(".github"));
    Files.writeString(repo.resolve(".github/CODEOWNERS"), "/src/ @acme/core\n");
    assertThat(scan(repo).codeOwnersTeam())
        .as("the .github file is used even though it names no default owner")
        .isEmpty();
  }

  @Test
  void noCodeOwnersNoTeam(@TempDir Path repo) {
    assertThat(scan(repo).codeOwnersTeam()).isEmpty();
  }

  @Test
  void symbolicLinkOutOfTheTreeIsNotFollowed(@TempDir Path repo, @TempDir Path elsewhere)
      throws Exception {
    Path outside = Files.writeString(elsewhere.resolve("owners"), "* @acme/outside\n");
    Files.createSymbolicLink(repo.resolve("CODEOWNERS"), outside);
    assertThat(scan(repo).codeOwnersTeam()).isEmpty();
  }

  private ScannedRepo scan(Path repo) {
    return scanner.scan(repo, new RepositoryRef("demo", "https://example.test/demo", "abc"));
  }

  /** A check that never ends on its own: it keeps reading until the scan's deadline stops it. */
  private record Endless(String id) implements dev.fleetcheck.core.rules.Rule {
    @Override
    public dev.fleetcheck.core.rules.RuleSpec spec() {
      return dev.fleetcheck.core.rules.RuleSpec.of(
          id, dev.fleetcheck.core.model.Profile.PYTHON, "never finish");
    }

    @Override
    public dev.fleetcheck.core.model.Outcome check(dev.fleetcheck.core.rules.RuleContext context) {
      while (true) {
        context.snapshot().readText("app.py");
        Thread.onSpinWait();
      }
    }
  }

  @Test
  void aBoundedScanThatRunsOutThrowsScanTimeout(@TempDir Path repo) throws Exception {
    Files.writeString(repo.resolve("app.py"), "print('hi')\n");
    Files.writeString(repo.resolve("pyproject.toml"), "[project]\nname = \"demo\"\n");
    EngineScanner bounded =
        new EngineScanner(
            new ScanEngine(
                RulePack.of(java.util.List.of(new Endless("PY-LCL-001"))),
                Clock.systemUTC(),
                "test"),
            SnapshotLimits.defaults(),
            java.time.Duration.ofMillis(200));

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> bounded.scan(repo, new RepositoryRef("demo", "src", "c")))
        .isInstanceOfSatisfying(
            dev.fleetcheck.core.error.FleetcheckException.class,
            e ->
                assertThat(e.errorCode())
                    .isEqualTo(dev.fleetcheck.core.error.ErrorCode.SCAN_TIMEOUT));
  }
}
