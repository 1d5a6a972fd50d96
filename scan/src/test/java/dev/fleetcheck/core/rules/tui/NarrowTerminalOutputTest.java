package dev.fleetcheck.core.rules.tui;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NarrowTerminalOutputTest {

  @TempDir Path dir;

  @Test
  void aWideFixedConsoleFails() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/out.py",
                "from rich.console import Console\nconsole = Console(width=160)\nok = Console(width=80)\n")
            .build();

    assertThat(findings(check(new NarrowTerminalOutput(), repo, Profile.CLI)))
        .containsExactly("tool/out.py:2: rich Console with a fixed width of 160 columns");
  }

  @Test
  void rawEscapesAreJudgedUnderBeh010() {
    Path repo =
        FixtureRepo.in(dir).python().file("tool/out.py", "print(\"\\033[1mbold\")\n").build();

    Outcome outcome = check(new NarrowTerminalOutput(), repo, Profile.CLI);

    assertThat(outcome.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(outcome.toString()).contains("same obligation as PY-BEH-010");
  }

  @Test
  void measuredConsolesStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("tool/out.py", "from rich.console import Console\nconsole = Console()\n")
            .file("tests/test_out.py", "from rich.console import Console\nConsole(width=200)\n")
            .build();

    assertNoEvidentViolation(check(new NarrowTerminalOutput(), repo, Profile.CLI));
  }
}
