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

class PromptsWithoutBypassTest {

  @TempDir Path dir;

  private static final String PROMPTING =
      """
      import getpass
      import click

      @click.command()
      @click.option("--name", prompt=True)
      def main(name):
          token = getpass.getpass("Token: ")
          if click.confirm("Deploy?"):
              answer = input("Region? ")
      """;

  @Test
  void promptsWithoutANonInteractivePathFail() {
    Path repo = FixtureRepo.in(dir).python().file("tool/cli.py", PROMPTING).build();

    assertThat(findings(check(new PromptsWithoutBypass(), repo, Profile.CLI)))
        .containsExactly(
            "tool/cli.py:7: getpass.getpass prompts and the CLI has no --yes/--no-input way"
                + " around it",
            "tool/cli.py:8: click.confirm prompts and the CLI has no --yes/--no-input way around"
                + " it",
            "tool/cli.py:9: input prompts and the CLI has no --yes/--no-input way around it");
  }

  @Test
  void aYesOptionOrNoPromptStaysManual() {
    Path withYes =
        FixtureRepo.in(dir.resolve("a"))
            .python()
            .file("tool/cli.py", PROMPTING)
            .file(
                "tool/opts.py",
                "import argparse\np = argparse.ArgumentParser()\np.add_argument('-y', '--yes',"
                    + " action='store_true')\n")
            .build();
    Path quiet =
        FixtureRepo.in(dir.resolve("b"))
            .python()
            .file("tool/cli.py", "HELP = 'input(\"x\")'\n")
            .file("tests/test_cli.py", "input('x')\n")
            .build();

    assertNoEvidentViolation(check(new PromptsWithoutBypass(), withYes, Profile.CLI));
    assertNoEvidentViolation(check(new PromptsWithoutBypass(), quiet, Profile.CLI));
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

    assertThat(findings(check(new PromptsWithoutBypass(), repo, Profile.CLI)))
        .containsExactly(
            "tool/__init__.py:9: getpass.getpass prompts and the CLI has no --yes/--no-input way"
                + " around it",
            "tool/__init__.py:11: getpass.getpass prompts and the CLI has no --yes/--no-input way"
                + " around it",
            "tool/__init__.py:25: getpass.getpass prompts and the CLI has no --yes/--no-input way"
                + " around it");
  }
}
