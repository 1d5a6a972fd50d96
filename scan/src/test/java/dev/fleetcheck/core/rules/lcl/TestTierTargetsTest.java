package dev.fleetcheck.core.rules.lcl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestTierTargetsTest {

  @TempDir Path dir;

  @Test
  void passesWithAllThreeTiersAcrossRunners() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "Makefile",
                "test-unit:\n\tpytest -m unit\ntest-integration:\n\tpytest -m integration\n")
            .file(
                "noxfile.py",
                "import nox\n\n@nox.session(name=\"test-e2e\")\ndef e2e(session):\n    session.run(\"pytest\", \"-m\", \"e2e\")\n")
            .build();
    Outcome outcome = FixtureRepo.check(new TestTierTargets(), repo);
    assertThat(outcome.status()).isEqualTo(Status.PASS);
    assertThat(outcome.evidence()).hasSize(3);
  }

  @Test
  void failListsTheMissingTiers() {
    Path repo =
        FixtureRepo.in(dir).python().file("Makefile", "test-unit:\n\tpytest -m unit\n").build();
    Outcome outcome = FixtureRepo.check(new TestTierTargets(), repo);
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
    assertThat(outcome.evidence().get(0).message())
        .startsWith("missing targets `test-integration`, `test-e2e` in Makefile");
  }
}
