package dev.fleetcheck.core.rules.lcl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestWatchTargetTest {

  @TempDir Path dir;

  @Test
  void passesOnExactTargetName() {
    Path repo =
        FixtureRepo.in(dir).python().file("justfile", "test-watch:\n    uv run ptw .\n").build();
    Outcome outcome = FixtureRepo.check(new TestWatchTarget(), repo);
    assertThat(outcome.status()).isEqualTo(Status.PASS);
    assertThat(outcome.evidence().get(0).message()).isEqualTo("`test-watch` target (just)");
  }

  @Test
  void failsOnWatchAlone() {
    Path repo = FixtureRepo.in(dir).python().file("Makefile", "watch:\n\tptw\n").build();
    Outcome outcome = FixtureRepo.check(new TestWatchTarget(), repo);
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
    assertThat(outcome.evidence().get(0).message())
        .startsWith("no `test-watch` target in Makefile");
  }
}
