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

class ZeroExitOnFailureTest {

  @TempDir Path dir;

  @Test
  void reportingAnErrorThenExitingZeroFails() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/cli.py",
                """
                import logging
                import sys
                import typer

                log = logging.getLogger(__name__)

                def main():
                    try:
                        run()
                    except ValueError as e:
                        log.error("bad value: %s", e)
                        sys.exit()
                    try:
                        run()
                    except OSError:
                        print(
                            "cannot read",
                            file=sys.stderr,
                        )
                        raise typer.Exit()
                    try:
                        run()
                    except KeyError:
                        print(f"Error: missing key")
                        sys.exit(0)
                """)
            .build();

    assertThat(findings(check(new ZeroExitOnFailure(), repo, Profile.CLI)))
        .containsExactly(
            "tool/cli.py:12: the handler reports an error (line 11) then sys.exit(...) exits with"
                + " status 0",
            "tool/cli.py:20: the handler reports an error (line 16) then typer.Exit(...) exits"
                + " with status 0",
            "tool/cli.py:25: the handler reports an error (line 24) then sys.exit(...) exits with"
                + " status 0");
  }

  @Test
  void nonZeroExitsPlainMessagesAndInfoLogsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/cli.py",
                """
                import logging
                import sys

                log = logging.getLogger(__name__)

                def main():
                    try:
                        run()
                    except ValueError as e:
                        log.error("bad value: %s", e)
                        sys.exit(1)
                    except KeyboardInterrupt:
                        print("Bye")
                        sys.exit(0)
                    except StopIteration:
                        log.info("nothing to do")
                        sys.exit()
                    print("error: not in a handler")
                    sys.exit(0)
                """)
            .file(
                "tests/test_cli.py",
                "import sys\ntry:\n    pass\nexcept Exception:\n    print('error')\n    sys.exit()\n")
            .build();

    assertNoEvidentViolation(check(new ZeroExitOnFailure(), repo, Profile.CLI));
  }

  @Test
  void endingTheLineAfterAnInterruptedPromptReportsNothing() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/auth.py",
                """
                import getpass
                import sys

                def ask(prompt):
                    try:
                        return getpass.getpass(prompt)
                    except (EOFError, KeyboardInterrupt):
                        sys.stderr.write('\\n')
                        sys.exit(0)

                def ask_again(prompt):
                    try:
                        return getpass.getpass(prompt)
                    except (EOFError, KeyboardInterrupt):
                        sys.stderr.write('\\n')
                        sys.stderr.write('error: no password given\\n')
                        sys.exit(0)
                """)
            .build();

    assertThat(findings(check(new ZeroExitOnFailure(), repo, Profile.CLI)))
        .containsExactly(
            "tool/auth.py:17: the handler reports an error (line 16) then sys.exit(...) exits with"
                + " status 0");
  }
}
