package dev.fleetcheck.core.rules.lcl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunTargetTest {

  @TempDir Path dir;

  private FixtureRepo cli() {
    return FixtureRepo.in(dir).file("pyproject.toml", "[project.scripts]\ntool = \"tool:main\"\n");
  }

  @Test
  void passesOnPoeRunTask() {
    Path repo =
        cli()
            .file(
                "pyproject.toml",
                "[project.scripts]\ntool = \"tool:main\"\n[tool.poe.tasks]\nrun = \"tool --help\"\n")
            .build();
    assertThat(FixtureRepo.check(new RunTarget(), repo).status()).isEqualTo(Status.PASS);
  }

  @Test
  void failsForCliWithoutRunTarget() {
    Path repo = cli().file("Makefile", "start:\n\ttool\n").build();
    assertThat(FixtureRepo.check(new RunTarget(), repo).status()).isEqualTo(Status.FAIL);
  }

  @Test
  void notApplicableWithoutCliProfile() {
    Path repo = FixtureRepo.in(dir).python().build();
    assertThat(FixtureRepo.check(new RunTarget(), repo).status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
