package dev.fleetcheck.core.facts.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigRootsTest {

  @TempDir Path dir;

  @Test
  void rootOnlyWithoutWorkspace() {
    Path repo = FixtureRepo.in(dir).python().file("sub/pyproject.toml", "").build();
    assertThat(FixtureRepo.context(repo).fact(ConfigRoots.FACT)).containsExactly("");
  }

  @Test
  void expandsMemberGlobsAgainstFoldersHoldingAPyproject() {
    Path repo =
        FixtureRepo.in(dir)
            .file(
                "pyproject.toml",
                "[tool.uv.workspace]\nmembers = [\"./libs/*\", \"apps/**\", \"tool\"]\n")
            .file("libs/a/pyproject.toml", "")
            .file("libs/b/README.md", "")
            .file("apps/web/api/pyproject.toml", "")
            .file("tool/pyproject.toml", "")
            .build();
    assertThat(FixtureRepo.context(repo).fact(ConfigRoots.FACT))
        .containsExactly("", "apps/web/api/", "libs/a/", "tool/");
  }

  @Test
  void requirementPinning() {
    assertThat(Requirement.parse("foo==1.2.3").orElseThrow().pinned()).isTrue();
    assertThat(Requirement.parse("foo[x] == 1.2 ; python_version<'3.9'").orElseThrow().pinned())
        .isTrue();
    assertThat(Requirement.parse("foo==1.*").orElseThrow().pinned()).isFalse();
    assertThat(Requirement.parse("foo>=1").orElseThrow().pinned()).isFalse();
    assertThat(Requirement.parse("foo").orElseThrow().pinned()).isFalse();
    assertThat(Requirement.parse("foo @ git+https://x/y").orElseThrow().directReference()).isTrue();
    assertThat(Requirement.parse("not a requirement")).isEmpty();
  }
}
