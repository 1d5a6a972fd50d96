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

class PositionalDispatchTest {

  @TempDir Path dir;

  @Test
  void positionalCommandsAndArgvDispatchFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/cli.py",
                """
                import argparse
                import sys
                import click

                parser = argparse.ArgumentParser()
                parser.add_argument(
                    "action",
                    choices=["start", "stop"],
                )

                @click.command()
                @click.argument("mode", type=click.Choice(["fast", "slow"]))
                def run(mode):
                    pass

                def main():
                    if sys.argv[1] == "start":
                        start()
                    match sys.argv[2]:
                        case "x":
                            pass
                """)
            .build();

    assertThat(findings(check(new PositionalDispatch(), repo, Profile.CLI)))
        .containsExactly(
            "tool/cli.py:6: positional argument 'action' with fixed choices selects behaviours:"
                + " make them subcommands",
            "tool/cli.py:12: positional argument 'mode' with fixed choices selects behaviours:"
                + " make them subcommands",
            "tool/cli.py:17: sys.argv compared with a literal selects behaviours: make them"
                + " subcommands",
            "tool/cli.py:19: sys.argv compared with a literal selects behaviours: make them"
                + " subcommands");
  }

  @Test
  void subcommandsOptionsAndPlainArgvStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/cli.py",
                """
                import argparse
                import sys

                parser = argparse.ArgumentParser()
                sub = parser.add_subparsers(dest="command")
                sub.add_parser("start")
                parser.add_argument("--mode", choices=["a", "b"])
                parser.add_argument("path")

                def main():
                    path = sys.argv[1]
                    text = "if sys.argv[1] == 'start'"
                """)
            .file("tests/test_cli.py", "import sys\nif sys.argv[1] == 'x':\n    pass\n")
            .build();

    assertNoEvidentViolation(check(new PositionalDispatch(), repo, Profile.CLI));
  }

  @Test
  void argvComparedWithAnOptionLiteralIsNoDispatch() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/wrapper.py",
                """
                import sys

                def main():
                    if len(sys.argv) > 5:
                        keep = sys.argv[5] == '-preserve_tmp'
                    if sys.argv[1] == "-c":
                        sys.exit("use python -c instead")
                    if sys.argv[1] == "-v" or sys.argv[1] == "serve":
                        serve()
                """)
            .build();

    assertThat(findings(check(new PositionalDispatch(), repo, Profile.CLI)))
        .containsExactly(
            "tool/wrapper.py:8: sys.argv compared with a literal selects behaviours: make them"
                + " subcommands");
  }
}
