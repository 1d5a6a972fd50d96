package dev.fleetcheck.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

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
  void firstFileInGitHubsOrderWins() {
    Map<String, String> tree =
        Map.of("CODEOWNERS", "* @acme/root-team\n", "docs/CODEOWNERS", "* @acme/docs-team\n");
    assertThat(teamOf(tree)).contains("acme/root-team");

    Map<String, String> withGithub =
        Map.of(".github/CODEOWNERS", "/src/ @acme/core\n", "CODEOWNERS", "* @acme/root-team\n");
    assertThat(teamOf(withGithub))
        .as("the .github file is used even though it names no default owner")
        .isEmpty();
  }

  @Test
  void docsFolderIsTheLastPlaceLooked() {
    assertThat(teamOf(Map.of("docs/CODEOWNERS", "* @acme/docs-team\n"))).contains("acme/docs-team");
  }

  @Test
  void noFileNoTeam() {
    assertThat(teamOf(Map.of("README.md", "* @acme/readme\n"))).isEmpty();
  }

  @Test
  void aFileThatExistsButCannotBeReadEndsTheSearch() {
    assertThat(
            CodeOwners.teamOf(
                path -> !path.equals(".github/CODEOWNERS"),
                path -> path.equals("CODEOWNERS") ? Optional.empty() : Optional.of("* @acme/x\n")))
        .as("an unreadable CODEOWNERS (a link out of the tree, too large) is not skipped")
        .isEmpty();
  }

  private static Optional<String> teamOf(Map<String, String> tree) {
    return CodeOwners.teamOf(tree::containsKey, path -> Optional.ofNullable(tree.get(path)));
  }
}
