package dev.fleetcheck.core.rules.sec;

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

class SecretsInCliOutputTest {

  @TempDir Path dir;
  private final SecretsInCliOutput rule = new SecretsInCliOutput();

  private static final String CLI =
      """
      import logging
      import os
      import sys
      import click
      from rich.console import Console

      log = logging.getLogger(__name__)
      console = Console()

      def main(args):
          print(f"using token {args.token}")
          click.echo(
              args.password,
          )
          sys.stderr.write(os.environ["API_TOKEN"])
          console.print("key", api_key)
          log.info("secret %s", client_secret)
      """;

  @Test
  void printedEchoedAndLoggedSecretsFail() {
    Path repo = FixtureRepo.in(dir).python().file("tool/cli.py", CLI).build();

    assertThat(findings(check(rule, repo, Profile.CLI)))
        .containsExactly(
            "tool/cli.py:11: print(...) prints a secret-like value (args.token)",
            "tool/cli.py:12: click.echo(...) prints a secret-like value (args.password)",
            "tool/cli.py:15: sys.stderr.write(...) prints the secret-like environment variable"
                + " API_TOKEN",
            "tool/cli.py:16: console.print(...) prints a secret-like value (api_key)",
            "tool/cli.py:17: log.info(...) logs a secret-like value (client_secret)");
  }

  @Test
  void logCallsAreLeftToTheApiHomeWhenTheRepositoryIsAlsoAnApi() {
    Path repo = FixtureRepo.in(dir).python().file("tool/cli.py", CLI).build();

    assertThat(findings(check(rule, repo, Profile.CLI, Profile.API)))
        .hasSize(4)
        .noneMatch(f -> f.contains("log.info"));
  }

  @Test
  void maskedValuesReferencesMessagesStringsTestsAndExamplesStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/cli.py",
                """
                import os
                import click

                # print(token)
                HELP = "print(password)"

                def main(args):
                    click.echo("token saved")
                    print(mask(args.token))
                    print(f"token url {token_url}, {max_tokens}")
                    print(os.environ["HOME"], os.getenv("TOKEN_URL"))
                    print("os.getenv('API_TOKEN')")
                """)
            .file("tests/test_cli.py", "print(token)\n")
            .file("examples/demo.py", "print(password)\n")
            .build();

    assertNoEvidentViolation(check(rule, repo, Profile.CLI));
  }

  @Test
  void withoutProductCodeItIsNotApplicable() {
    Path repo = FixtureRepo.in(dir).python().file("tests/test_cli.py", "print(token)\n").build();

    assertThat(check(rule, repo, Profile.CLI).status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
