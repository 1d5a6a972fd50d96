package dev.fleetcheck.core.rules.obs;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static dev.fleetcheck.core.rules.obs.ObsFixtures.GUARDED;
import static dev.fleetcheck.core.rules.obs.ObsFixtures.NOISY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuietCliLoggingTest {

  @TempDir Path dir;

  @Test
  void unconditionalDebugInACliFails() {
    Path repo = FixtureRepo.in(dir).python().file("app/cli.py", NOISY).build();

    assertThat(findings(check(new QuietCliLogging(), repo, Profile.CLI)))
        .containsExactly(
            "app/cli.py:5: logging.basicConfig(...) turns DEBUG on unconditionally: the CLI is"
                + " noisy by default",
            "app/cli.py:6: logging.getLogger().setLevel(...) turns DEBUG on unconditionally: the"
                + " CLI is noisy by default",
            "app/cli.py:10: logging.basicConfig(...) turns DEBUG on unconditionally: the CLI is"
                + " noisy by default");
  }

  @Test
  void debugBehindAnOptionStaysManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("app/cli.py", GUARDED)
            .file("tests/test_cli.py", NOISY)
            .build();

    assertNoEvidentViolation(check(new QuietCliLogging(), repo, Profile.CLI));
  }

  @Test
  void debugInsideTestsOfAShippedTestSuiteIsNotACliDefault() {
    // borg/testsuite/repository.py: not a tests/ folder, but the DEBUG levels sit in test methods.
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/testsuite/repository.py",
                """
                import logging

                class RemoteLoggerTestCase(BaseTestCase):
                    def setUp(self):
                        self.handler = logging.StreamHandler()
                        logging.getLogger().setLevel(logging.DEBUG)

                    def test_pre11_format_messages(self):
                        self.handler.setLevel(logging.DEBUG)
                        logging.getLogger().setLevel(logging.DEBUG)

                class TestRepository:
                    def check(self):
                        logging.getLogger().setLevel(logging.DEBUG)

                def helper():
                    logging.getLogger().setLevel(logging.DEBUG)
                """)
            .build();

    assertThat(findings(check(new QuietCliLogging(), repo, Profile.CLI)))
        .containsExactly(
            "app/testsuite/repository.py:17: logging.getLogger().setLevel(...) turns DEBUG on"
                + " unconditionally: the CLI is noisy by default");
  }
}
