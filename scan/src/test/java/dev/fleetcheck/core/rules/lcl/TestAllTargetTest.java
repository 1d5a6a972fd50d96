package dev.fleetcheck.core.rules.lcl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestAllTargetTest {

  @TempDir Path dir;

  @Test
  void passesOnExactTargetName() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("pyproject.toml", "[tool.poe.tasks]\ntest-all = \"pytest\"\n")
            .build();
    Outcome outcome = FixtureRepo.check(new TestAllTarget(), repo);
    assertThat(outcome.status()).isEqualTo(Status.PASS);
    assertThat(outcome.evidence().get(0).message()).isEqualTo("`test-all` target (poe)");
  }

  @Test
  void failsOnUnderscoreSpelling() {
    Path repo = FixtureRepo.in(dir).python().file("Makefile", "test_all:\n\tpytest\n").build();
    Outcome outcome = FixtureRepo.check(new TestAllTarget(), repo);
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
    assertThat(outcome.evidence().get(0).message()).startsWith("no `test-all` target in Makefile");
  }
}
