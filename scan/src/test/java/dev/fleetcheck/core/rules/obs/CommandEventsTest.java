package dev.fleetcheck.core.rules.obs;

import static dev.fleetcheck.core.rules.RuleFixture.checkCli;
import static dev.fleetcheck.core.rules.RuleFixture.described;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandEventsTest {

  @TempDir Path dir;

  private Path repo(String name, String code) {
    return FixtureRepo.in(dir.resolve(name)).python().file("tool/cli.py", code).build();
  }

  @Test
  void startAndEndEventsThroughAnyLoggerPass() {
    Path structlog =
        repo(
            "structlog",
            "import structlog as sl\n\nlog = sl.get_logger()\n\n\ndef main():\n"
                + "    log.bind(run_id=1).info(\n        \"command.start\",\n        argv=[],\n    )\n"
                + "    log.info(\"done\", event=\"command.end\")\n");
    Path logging =
        repo(
            "logging",
            "import logging\n\n_LOG = logging.getLogger(__name__)\n\n\ndef main():\n"
                + "    _LOG.info(\"command.start\")\n"
                + "    logging.log(logging.INFO, \"command.end\")\n");

    assertThat(described(checkCli(new CommandEvents(), structlog)))
        .containsExactly(
            "tool/cli.py:7: log event `command.start`", "tool/cli.py:11: log event `command.end`");
    assertThat(checkCli(new CommandEvents(), logging).status()).isEqualTo(Status.PASS);
  }

  @Test
  void printsStringsCommentsAndTestsDoNotEmitEvents() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/cli.py",
                "import logging\n\nlog = logging.getLogger()\n\n\ndef main():\n"
                    + "    log.info(\"command.start\")\n"
                    + "    print(\"command.end\")\n"
                    + "    # log.info(\"command.end\")\n"
                    + "    EVENT = \"log.info('command.end')\"\n"
                    + "    metrics.count(\"command.end\")\n")
            .file("tests/test_cli.py", "import logging\n\nlogging.info(\"command.end\")\n")
            .build();

    assertThat(described(checkCli(new CommandEvents(), repo)))
        .containsExactly(
            "no log call emits the event command.end (as its message or event= literal)",
            "tool/cli.py:7: log event `command.start`");
  }
}
