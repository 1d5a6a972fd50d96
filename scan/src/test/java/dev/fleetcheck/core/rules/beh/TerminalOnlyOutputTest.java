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

class TerminalOnlyOutputTest {

  @TempDir Path dir;

  @Test
  void terminalSizeRawEscapesAndCursesWithoutChecksFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/out.py",
                """
                import os
                import sys
                import curses

                RED = "\\033[31m"

                def width():
                    return os.get_terminal_size().columns

                def show(msg):
                    print(RED + msg)
                    sys.stdout.write(f"\\x1b[1m{msg}\\x1b[0m")

                def ui():
                    curses.wrapper(draw)
                """)
            .build();

    assertThat(findings(check(new TerminalOnlyOutput(), repo, Profile.CLI)))
        .containsExactly(
            "tool/out.py:8: os.get_terminal_size() raises OSError when stdout is piped and nothing"
                + " catches it (shutil.get_terminal_size() is the safe form)",
            "tool/out.py:11: print writes raw ANSI escapes and the module never checks isatty(),"
                + " NO_COLOR or TERM",
            "tool/out.py:12: sys.stdout.write writes raw ANSI escapes and the module never checks"
                + " isatty(), NO_COLOR or TERM",
            "tool/out.py:15: curses.wrapper starts a full-screen UI without an isatty() check");
  }

  @Test
  void guardedCallsCheckedModulesAndStderrStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/out.py",
                """
                import os
                import sys

                def width():
                    try:
                        return os.get_terminal_size().columns
                    except OSError:
                        return 80

                def show(msg):
                    if sys.stdout.isatty():
                        print("\\033[31m" + msg)
                """)
            .file(
                "tool/err.py",
                """
                import os, sys
                print("\\033[31mfailed", file=sys.stderr)
                HELP = "os.get_terminal_size()"
                if "NO_COLOR" not in os.environ:
                    print("\\x1b[1mbold")
                """)
            .file("tests/test_out.py", "import os\nos.get_terminal_size()\n")
            .build();

    assertNoEvidentViolation(check(new TerminalOnlyOutput(), repo, Profile.CLI));
  }
}
