package dev.fleetcheck.core.rules.lcl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestTargetTest {

  @TempDir Path dir;

  @Test
  void passesOnExactTargetName() {
    Path repo = FixtureRepo.in(dir).python().file("Makefile", "test:\n\tuv run pytest\n").build();
    Outcome outcome = FixtureRepo.check(new TestTarget(), repo);
    assertThat(outcome.status()).isEqualTo(Status.PASS);
    assertThat(outcome.evidence().get(0).message()).isEqualTo("`test` target (make)");
  }

  @Test
  void failsOnVersionedToxEnvironment() {
    Path repo =
        FixtureRepo.in(dir).python().file("tox.ini", "[tox]\nenv_list = 3.14-tests\n").build();
    Outcome outcome = FixtureRepo.check(new TestTarget(), repo);
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
    assertThat(outcome.evidence().get(0).message()).startsWith("no `test` target in tox.ini");
  }
}
