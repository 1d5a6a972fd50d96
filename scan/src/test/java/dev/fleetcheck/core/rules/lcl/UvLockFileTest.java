package dev.fleetcheck.core.rules.lcl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UvLockFileTest {

  @TempDir Path dir;

  @Test
  void passesOnRootUvLock() {
    Path repo = FixtureRepo.in(dir).python().file("uv.lock", "version = 1\n").build();
    assertThat(FixtureRepo.check(new UvLockFile(), repo).evidence())
        .containsExactly(Evidence.file("uv.lock", "uv lock file"));
  }

  @Test
  void passesOnNestedUvWorkspaceRoot() {
    Path repo =
        FixtureRepo.in(dir)
            .file("python/pyproject.toml", "[tool.uv.workspace]\nmembers = [\"pkgs/*\"]\n")
            .file("python/uv.lock", "version = 1\n")
            .build();
    Outcome outcome = FixtureRepo.check(new UvLockFile(), repo);
    assertThat(outcome.status()).isEqualTo(Status.PASS);
    assertThat(outcome.evidence().get(0).path()).isEqualTo("python/uv.lock");
  }

  @Test
  void failsNamingPoetry() {
    Path repo =
        FixtureRepo.in(dir)
            .file("pyproject.toml", "[tool.poetry]\nname = \"x\"\n")
            .file("poetry.lock", "")
            .build();
    Outcome outcome = FixtureRepo.check(new UvLockFile(), repo);
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
    assertThat(outcome.evidence())
        .containsExactly(
            Evidence.file("poetry.lock", "no uv.lock; the project is managed by poetry instead"));
  }

  @Test
  void failsNamingPipOrUvWithoutLock(@TempDir Path other) {
    Path pip = FixtureRepo.in(dir).file("requirements.txt", "flask==3.0\n").build();
    assertThat(FixtureRepo.check(new UvLockFile(), pip).evidence().get(0).message())
        .isEqualTo("no uv.lock; dependencies are managed with pip requirements files");
    Path uv = FixtureRepo.in(other).file("pyproject.toml", "[tool.uv]\npackage = false\n").build();
    assertThat(FixtureRepo.check(new UvLockFile(), uv).evidence().get(0).message())
        .isEqualTo("uv is configured ([tool.uv]) but uv.lock is not committed");
  }
}
