package dev.fleetcheck.core.rules.beh;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StdoutLogSinksTest {

  @TempDir Path dir;

  @Test
  void logAndTracebackSinksOnStdoutFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/log.py",
                """
                import logging
                import logging.config
                import sys
                from sys import stdout
                import structlog
                import traceback
                from loguru import logger

                logging.basicConfig(
                    level=logging.INFO,
                    stream=sys.stdout,
                )
                handler = logging.StreamHandler(stdout)
                logging.config.dictConfig({
                    "handlers": {"console": {"class": "logging.StreamHandler",
                                             "stream": "ext://sys.stdout"}},
                })
                logger.add(sys.stdout)
                structlog.configure(logger_factory=structlog.PrintLoggerFactory())
                traceback.print_exc(file=sys.stdout)
                """)
            .build();

    assertThat(findings(check(new StdoutLogSinks(), repo, Profile.CLI)))
        .containsExactly(
            "tool/log.py:9: logging.basicConfig writes log records to stdout",
            "tool/log.py:13: logging.StreamHandler writes log records to stdout",
            "tool/log.py:16: logging config sends a handler to ext://sys.stdout",
            "tool/log.py:18: loguru logger.add(sys.stdout) writes log records to stdout",
            "tool/log.py:19: structlog.PrintLoggerFactory writes log records to stdout"
                + " (structlog's default)",
            "tool/log.py:20: traceback.print_exc(file=sys.stdout) writes the traceback to stdout");
  }

  @Test
  void stderrSinksStringsAndTestsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/log.py",
                """
                import logging
                import sys
                import structlog

                logging.basicConfig(stream=sys.stderr)
                handler = logging.StreamHandler()
                structlog.PrintLoggerFactory(file=sys.stderr)
                DOC = "logging.basicConfig(stream=sys.stdout)"
                """)
            .file(
                "tests/conftest.py",
                "import logging, sys\nlogging.basicConfig(stream=sys.stdout)\n")
            .build();

    assertNoEvidentViolation(check(new StdoutLogSinks(), repo, Profile.CLI));
  }
}
