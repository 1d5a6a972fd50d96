package dev.fleetcheck.core.rules.lcl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintTargetTest {

  @TempDir Path dir;

  @Test
  void passesOnExactTargetName() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("tox.ini", "[tox]\nenv_list = lint\n[testenv:lint]\ncommands = ruff check .\n")
            .build();
    Outcome outcome = FixtureRepo.check(new LintTarget(), repo);
    assertThat(outcome.status()).isEqualTo(Status.PASS);
    assertThat(outcome.evidence().get(0).message()).isEqualTo("`lint` target (tox)");
  }

  @Test
  void failsOnLongerName() {
    Path repo =
        FixtureRepo.in(dir).python().file("Makefile", "lint-all:\n\truff check .\n").build();
    Outcome outcome = FixtureRepo.check(new LintTarget(), repo);
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
    assertThat(outcome.evidence().get(0).message()).startsWith("no `lint` target in Makefile");
  }
}
