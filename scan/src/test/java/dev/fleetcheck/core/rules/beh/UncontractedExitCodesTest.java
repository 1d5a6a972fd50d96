package dev.fleetcheck.core.rules.beh;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UncontractedExitCodesTest {

  @TempDir Path dir;

  private static final String CLI =
      """
      import sys
      from sys import exit as bye
      import typer
      import click

      CONFIG_ERROR = 3

      def main(ctx):
          if broken():
              bye(CONFIG_ERROR)
          if missing():
              raise SystemExit(-1)
          if late():
              raise typer.Exit(code=4)
          ctx.exit(5)
          sys.exit("bad input")
          sys.exit(2)
          raise typer.Exit()
          sys.exit(status())
      """;

  @Test
  void codesOutsideTheContractThatNoOneDocumentsFail() {
    Path repo = FixtureRepo.in(dir).python().file("tool/cli.py", CLI).build();

    assertThat(findings(check(new UncontractedExitCodes(), repo, Profile.CLI)))
        .containsExactly(
            "tool/cli.py:10: bye(...) exits with 3: outside 0/1/2, not documented and not"
                + " approved by an ADR",
            "tool/cli.py:12: SystemExit(...) exits with -1: outside 0/1/2, not documented and not"
                + " approved by an ADR",
            "tool/cli.py:14: typer.Exit(...) exits with 4: outside 0/1/2, not documented and not"
                + " approved by an ADR",
            "tool/cli.py:15: ctx.exit(...) exits with 5: outside 0/1/2, not documented and not"
                + " approved by an ADR");
  }

  @Test
  void documentedOrApprovedCodesStringsAndTestsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("tool/cli.py", CLI)
            .file(
                "README.md",
                """
                # tool

                ## Exit codes

                - 3: the configuration is invalid
                """)
            .file(
                "docs/usage.md",
                """
                | exit code | meaning |
                |---|---|
                | 5 | lock held |

                | Exit status | meaning |
                |---|---|
                | -1 | aborted |
                """)
            .file("docs/adr/0007-exit-codes.md", "We exit with 4 when the remote is gone.\n")
            .file("tool/notes.py", "TEXT = 'sys.exit(9)'  # sys.exit(8)\n")
            .file("tests/test_cli.py", "import sys\nsys.exit(7)\n")
            .build();

    assertNoEvidentViolation(check(new UncontractedExitCodes(), repo, Profile.CLI));
  }

  @Test
  void withoutProductCodeItIsNotApplicable() {
    Path repo = FixtureRepo.in(dir).python().file("tests/test_x.py", "import sys\n").build();

    assertThat(check(new UncontractedExitCodes(), repo, Profile.CLI).status())
        .isEqualTo(Status.NOT_APPLICABLE);
  }

  @Test
  void aVariableSetInEachBranchIsNoConstant() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/cli.py",
                """
                import sys

                CONFIG_ERROR = 4

                def main(args):
                    try:
                        exit_code = run(args)
                    except UnicodeError:
                        exit_code = 6
                    except KeyboardInterrupt:
                        exit_code = 99
                    sys.exit(exit_code)

                def check():
                    sys.exit(CONFIG_ERROR)
                """)
            .build();

    assertThat(findings(check(new UncontractedExitCodes(), repo, Profile.CLI)))
        .containsExactly(
            "tool/cli.py:15: sys.exit(...) exits with 4: outside 0/1/2, not documented and not"
                + " approved by an ADR");
  }
}
