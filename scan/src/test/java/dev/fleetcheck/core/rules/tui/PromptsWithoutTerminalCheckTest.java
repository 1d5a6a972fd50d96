package dev.fleetcheck.core.rules.tui;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptsWithoutTerminalCheckTest {

  @TempDir Path dir;

  @Test
  void promptsThatNeverCheckForATerminalFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/cli.py",
                """
                import click
                import questionary
                from rich.prompt import Confirm

                def main():
                    name = click.prompt("Name")
                    env = questionary.select("Env", choices=["a", "b"]).ask()
                    if Confirm.ask("Go?"):
                        pass
                """)
            .build();

    assertThat(findings(check(new PromptsWithoutTerminalCheck(), repo, Profile.CLI)))
        .containsExactly(
            "tool/cli.py:7: questionary.select prompts but the CLI never checks for a terminal"
                + " (isatty, CI)",
            "tool/cli.py:8: rich.prompt.Confirm.ask prompts but the CLI never checks for a"
                + " terminal (isatty, CI)");
  }

  @Test
  void aTerminalCheckOrOnlyClickPromptsStayManual() {
    Path checked =
        FixtureRepo.in(dir.resolve("a"))
            .python()
            .file(
                "tool/cli.py",
                "import sys\n\ndef main():\n    if sys.stdin.isatty():\n        input('x')\n")
            .build();
    Path clickOnly =
        FixtureRepo.in(dir.resolve("b"))
            .python()
            .file("tool/cli.py", "import click\nclick.prompt('Name')\n")
            .build();
    Path ci =
        FixtureRepo.in(dir.resolve("c"))
            .python()
            .file("tool/env.py", "import os\nIN_CI = os.getenv('CI')\n")
            .file("tool/cli.py", "import getpass\ngetpass.getpass()\n")
            .build();

    assertNoEvidentViolation(check(new PromptsWithoutTerminalCheck(), checked, Profile.CLI));
    assertNoEvidentViolation(check(new PromptsWithoutTerminalCheck(), clickOnly, Profile.CLI));
    assertNoEvidentViolation(check(new PromptsWithoutTerminalCheck(), ci, Profile.CLI));
  }

  @Test
  void anOptionsHandWrittenFallbackIsNoPromptWithoutAWayAround() {
    Path repo =
        FixtureRepo.in(dir.resolve("fallback"))
            .python()
            .file(
                "tool/__init__.py",
                """
                import getpass

                def ask(opts, cache):
                    if opts.username is not None and opts.password is None:
                        opts.password = getpass.getpass('Type account password: ')
                    if not opts.token:
                        opts.token = getpass.getpass('Token: ')
                    if opts.username is None:
                        opts.password = getpass.getpass('Password: ')
                    if cache.code is None:
                        code = getpass.getpass('Code: ')
                    return code


                class Extractor:
                    def _get_tfa_info(self, note='code'):
                        tfa = self.get_param('twofactor')
                        if tfa is not None:
                            return tfa
                        return getpass.getpass('Type %s: ' % note)

                    def _cached(self):
                        if self._code is not None:
                            return self._code
                        return getpass.getpass('Code: ')
                """)
            .build();

    assertThat(findings(check(new PromptsWithoutTerminalCheck(), repo, Profile.CLI)))
        .containsExactly(
            "tool/__init__.py:9: getpass.getpass prompts but the CLI never checks for a"
                + " terminal (isatty, CI)",
            "tool/__init__.py:11: getpass.getpass prompts but the CLI never checks for a"
                + " terminal (isatty, CI)",
            "tool/__init__.py:25: getpass.getpass prompts but the CLI never checks for a"
                + " terminal (isatty, CI)");
  }
}
