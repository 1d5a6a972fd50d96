package dev.fleetcheck.core.rules.obs;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static dev.fleetcheck.core.rules.obs.ObsFixtures.GUARDED;
import static dev.fleetcheck.core.rules.obs.ObsFixtures.NOISY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurableLogLevelTest {

  @TempDir Path dir;

  @Test
  void debugBehindAnOptionStaysManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("app/cli.py", GUARDED)
            .file("tests/test_cli.py", NOISY)
            .build();

    assertNoEvidentViolation(check(new ConfigurableLogLevel(), repo, Profile.API));
  }

  @Test
  void onlyLiteralLevelsFailConfigurability() {
    Path fixed =
        FixtureRepo.in(dir.resolve("a"))
            .python()
            .file(
                "app/log.py",
                "import logging\nlogging.basicConfig(level=logging.INFO)\n"
                    + "log = logging.getLogger(__name__)\nlog.debug('x')\n")
            .build();
    Path none =
        FixtureRepo.in(dir.resolve("b"))
            .python()
            .file("app/log.py", "import logging\nlogging.info('x')\n")
            .build();

    assertThat(findings(check(new ConfigurableLogLevel(), fixed, Profile.API)))
        .containsExactly(
            "app/log.py:2: logging.basicConfig(...) sets a fixed level and no setting, variable"
                + " or option can change it");
    assertThat(check(new ConfigurableLogLevel(), none, Profile.API).status())
        .isEqualTo(Status.NOT_APPLICABLE);
  }

  @Test
  void aLevelSetOnlyWhileTheLoggerHasNoneYieldsToConfiguration() {
    // flask-cors: a default for its own logger that any configured level overrides.
    Path guarded =
        FixtureRepo.in(dir.resolve("a"))
            .python()
            .file(
                "ext/__init__.py",
                """
                import logging
                rootlogger = logging.getLogger(__name__)
                rootlogger.addHandler(logging.NullHandler())

                if rootlogger.level == logging.NOTSET:
                    rootlogger.setLevel(logging.WARN)
                """)
            .build();
    Path otherGuard =
        FixtureRepo.in(dir.resolve("b"))
            .python()
            .file(
                "ext/__init__.py",
                """
                import logging
                log = logging.getLogger(__name__)

                if log.handlers:
                    log.setLevel(logging.WARN)
                """)
            .build();

    assertNoEvidentViolation(check(new ConfigurableLogLevel(), guarded, Profile.API));
    assertThat(findings(check(new ConfigurableLogLevel(), otherGuard, Profile.API)))
        .containsExactly(
            "ext/__init__.py:5: log.setLevel(...) sets a fixed level and no setting, variable or"
                + " option can change it");
  }
}
