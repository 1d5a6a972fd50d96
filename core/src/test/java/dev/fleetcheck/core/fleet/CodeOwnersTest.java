package dev.fleetcheck.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.snapshot.RepoSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeOwnersTest {

  @Test
  void teamIsPreferredOverUsersOnTheCatchAllLine() {
    assertThat(CodeOwners.defaultOwner("*  @alice @acme/payments @acme/platform\n"))
        .contains("acme/payments");
  }

  @Test
  void userWhenNoTeamIsNamed() {
    assertThat(CodeOwners.defaultOwner("* @alice @bob\n")).contains("alice");
    assertThat(CodeOwners.defaultOwner("* ops@acme.example\n")).contains("ops@acme.example");
  }

  @Test
  void lastCatchAllLineWinsAndPathRulesDoNotCount() {
    String content =
        """
        # Default owners
        *       @acme/legacy
        /docs/  @acme/writers
        *.py    @acme/python-guild
        /       @acme/payments   # moved in 2026
        src/**  @acme/core
        """;
    assertThat(CodeOwners.defaultOwner(content)).contains("acme/payments");
  }

  @Test
  void catchAllWithoutOwnersClearsTheDefault() {
    assertThat(CodeOwners.defaultOwner("* @acme/payments\n* \n")).isEmpty();
  }

  @Test
  void noCatchAllMeansNoDefaultOwner() {
    assertThat(CodeOwners.defaultOwner("/src/ @acme/core\n# * @acme/commented\n")).isEmpty();
    assertThat(CodeOwners.defaultOwner("")).isEmpty();
  }

  @Test
  void firstFileInGitHubsOrderWins(@TempDir Path repo) throws Exception {
    Files.createDirectories(repo.resolve(".github"));
    Files.createDirectories(repo.resolve("docs"));
    Files.writeString(repo.resolve("CODEOWNERS"), "* @acme/root-team\n");
    Files.writeString(repo.resolve("docs/CODEOWNERS"), "* @acme/docs-team\n");
    assertThat(CodeOwners.teamOf(RepoSnapshot.of(repo))).contains("acme/root-team");

    Files.writeString(repo.resolve(".github/CODEOWNERS"), "/src/ @acme/core\n");
    assertThat(CodeOwners.teamOf(RepoSnapshot.of(repo)))
        .as("the .github file is used even though it names no default owner")
        .isEmpty();
  }

  @Test
  void docsFolderIsTheLastPlaceLooked(@TempDir Path repo) throws Exception {
    Files.createDirectories(repo.resolve("docs"));
    Files.writeString(repo.resolve("docs/CODEOWNERS"), "* @acme/docs-team\n");
    assertThat(CodeOwners.teamOf(RepoSnapshot.of(repo))).contains("acme/docs-team");
  }

  @Test
  void noFileNoTeam(@TempDir Path repo) {
    assertThat(CodeOwners.teamOf(RepoSnapshot.of(repo))).isEmpty();
  }

  @Test
  void symbolicLinkIsNotFollowed(@TempDir Path repo, @TempDir Path elsewhere) throws Exception {
    Path outside = Files.writeString(elsewhere.resolve("owners"), "* @acme/outside\n");
    Files.createSymbolicLink(repo.resolve("CODEOWNERS"), outside);
    assertThat(CodeOwners.teamOf(RepoSnapshot.of(repo))).isEmpty();
  }
}
