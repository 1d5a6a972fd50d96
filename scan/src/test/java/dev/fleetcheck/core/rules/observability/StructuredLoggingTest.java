package dev.fleetcheck.core.rules.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Level;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StructuredLoggingTest {

  @TempDir Path dir;

  private Outcome check(FixtureRepo repo) {
    return Checks.check(new StructuredLogging(), repo.build());
  }

  @Test
  void passesOnAStructlogDependency() {
    assertThat(check(FixtureRepo.in(dir).file("requirements.txt", "structlog==24.1.0\n")))
        .isEqualTo(
            Outcome.pass(Evidence.at("requirements.txt", 1, "structlog gives structured logs")));
  }

  @Test
  void passesOnAPythonJsonLoggerImport() {
    assertThat(
            check(
                    FixtureRepo.in(dir)
                        .python()
                        .file("app/log.py", "from pythonjsonlogger import jsonlogger\n"))
                .status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void passesOnAJsonFormatterInALoggingConfig() {
    Outcome outcome =
        check(
            FixtureRepo.in(dir)
                .python()
                .file(
                    "config/logging.yaml",
                    "formatters:\n  json:\n    (): pythonjsonlogger.json.JsonFormatter\n"));
    assertThat(outcome.status()).isEqualTo(Status.PASS);
    assertThat(outcome.evidence().get(0).path()).isEqualTo("config/logging.yaml");
  }

  @Test
  void passesOnAFormatterSubclassThatDumpsJson() {
    assertThat(
            check(
                    FixtureRepo.in(dir)
                        .python()
                        .file(
                            "app/logs.py",
                            "import json, logging\n\nclass JsonLines(logging.Formatter):\n"
                                + "    def format(self, record):\n"
                                + "        return json.dumps({'msg': record.getMessage()})\n"))
                .status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void failsOnPlainLoggingAndIgnoresTestsAndComments() {
    Outcome outcome =
        check(
            FixtureRepo.in(dir)
                .python()
                .file("app/main.py", "import logging\n# import structlog\nlogging.basicConfig()\n")
                .file("tests/test_logs.py", "import structlog\n"));
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
  }

  @Test
  void isRequiredForServicesAndFunctionsOnly() {
    StructuredLogging rule = new StructuredLogging();
    assertThat(rule.level(Level.RECOMMENDED, Set.of(Profile.PYTHON, Profile.API)))
        .isEqualTo(Level.REQUIRED);
    assertThat(rule.level(Level.RECOMMENDED, Set.of(Profile.PYTHON, Profile.LAMBDA)))
        .isEqualTo(Level.REQUIRED);
    assertThat(rule.level(Level.RECOMMENDED, Set.of(Profile.PYTHON, Profile.CLI)))
        .isEqualTo(Level.RECOMMENDED);
  }
}
