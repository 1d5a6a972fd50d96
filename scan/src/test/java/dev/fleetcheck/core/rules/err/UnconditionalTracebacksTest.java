package dev.fleetcheck.core.rules.err;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnconditionalTracebacksTest {

  @TempDir Path dir;

  @Test
  void unconditionalTracebacksInCliHandlersFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/cli.py",
                """
                import traceback
                from rich.console import Console
                console = Console()

                def main(args):
                    try:
                        run()
                    except Exception:
                        traceback.print_exc()
                        return 1
                    try:
                        run()
                    except ValueError:
                        print(
                            traceback.format_exc())
                    try:
                        run()
                    except OSError:
                        console.print_exception()
                """)
            .build();

    assertThat(findings(check(new UnconditionalTracebacks(), repo, Profile.CLI)))
        .containsExactly(
            "tool/cli.py:9: traceback.print_exc prints a traceback on every error, not only in"
                + " debug mode",
            "tool/cli.py:14: print prints a traceback on every error, not only in debug mode",
            "tool/cli.py:19: console.print_exception prints a traceback on every error, not only"
                + " in debug mode");
  }

  @Test
  void tracebacksUnderDebugSwitchesOutsideHandlersInStringsAndTestsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/cli.py",
                """
                import traceback, logging

                def main(args):
                    try:
                        run()
                    except Exception:
                        if args.debug:
                            traceback.print_exc()
                        else:
                            print("error")
                            traceback.print_exc() if False else None
                    try:
                        run()
                    except KeyError:
                        if logging.getLogger().level <= logging.DEBUG: traceback.print_exc()
                        msg = "traceback.print_exc()"
                    traceback.print_exc()
                """)
            .file(
                "tests/test_cli.py",
                """
                import traceback
                try:
                    x()
                except Exception:
                    traceback.print_exc()
                """)
            .build();

    assertNoEvidentViolation(check(new UnconditionalTracebacks(), repo, Profile.CLI));
  }
}
