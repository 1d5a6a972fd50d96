package dev.fleetcheck.core.rules.lcl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorTargetTest {

  @TempDir Path dir;

  @Test
  void passesOnExactTargetName() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("Taskfile.yml", "version: 3\ntasks:\n  doctor:\n    cmds: [uv --version]\n")
            .build();
    Outcome outcome = FixtureRepo.check(new DoctorTarget(), repo);
    assertThat(outcome.status()).isEqualTo(Status.PASS);
    assertThat(outcome.evidence().get(0).message()).isEqualTo("`doctor` target (task)");
  }

  @Test
  void failsOnOtherEnvironmentCheckName() {
    Path repo =
        FixtureRepo.in(dir).python().file("Makefile", "check-env:\n\tuv --version\n").build();
    Outcome outcome = FixtureRepo.check(new DoctorTarget(), repo);
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
    assertThat(outcome.evidence().get(0).message()).startsWith("no `doctor` target in Makefile");
  }
}
