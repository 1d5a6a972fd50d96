package dev.fleetcheck.core.rules.sec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.RuleFixture;
import dev.fleetcheck.core.secrets.Redactor;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCliOptionsTest {

  @TempDir Path dir;

  private Outcome check(String path, String source) {
    Path repo = FixtureRepo.in(dir).python().file(path, source).build();
    return RuleFixture.check(new SecretCliOptions(), repo, Profile.CLI);
  }

  @Test
  void passesWhenSecretsComeFromTheEnvironmentOrAPrompt() {
    Outcome outcome =
        check(
            "tool/cli.py",
            """
            import argparse, os, click, typer
            parser = argparse.ArgumentParser()
            parser.add_argument("--password", default=os.environ.get("TOOL_PASSWORD"))
            parser.add_argument("--verbose", action="store_true")
            @click.option("--api-key", envvar="TOOL_API_KEY")
            @click.option("--secret", prompt=True, hide_input=True)
            def main(api_key, secret, token: str = typer.Option(..., envvar="TOOL_TOKEN")):
                pass
            """);

    assertThat(outcome.status()).isEqualTo(Status.PASS);
  }

  @Test
  void failsOnEachSecretOptionOfEveryFramework() {
    Outcome outcome =
        check(
            "tool/cli.py",
            """
            import argparse, click, typer
            parser = argparse.ArgumentParser()
            parser.add_argument("-p", "--password", required=True)
            @click.option("--client-secret")
            def main(client_secret, api_token: str = typer.Option(None)):
                pass
            """);

    assertThat(RuleFixture.described(outcome))
        .containsExactly(
            "tool/cli.py:3: argparse option --password takes a secret on the command line"
                + " without an env-var or prompt source",
            "tool/cli.py:4: click option --client-secret takes a secret on the command line"
                + " without an env-var or prompt source",
            "tool/cli.py:5: typer option --api-token takes a secret on the command line"
                + " without an env-var or prompt source");
  }

  @Test
  void aDeclarationSpreadOverLinesIsReportedWhereItStarts() {
    Outcome outcome =
        check(
            "tool/cli.py",
            """
            import typer
            from typing import Annotated
            def main(
                token: Annotated[
                    str,
                    typer.Option(
                        "--token",
                        help="Access token",
                    ),
                ],
            ):
                pass
            """);

    assertThat(RuleFixture.described(outcome))
        .singleElement()
        .asString()
        .startsWith("tool/cli.py:6: typer option --token");
  }

  @Test
  void aliasesAreFollowed() {
    Outcome outcome =
        check(
            "tool/cli.py",
            """
            from click import option as opt
            import argparse as ap
            p = ap.ArgumentParser()
            group = p.add_argument_group("auth")
            group.add_argument("--api_key")
            @opt("--secret")
            def main(secret):
                pass
            """);

    assertThat(outcome.evidence()).extracting(e -> e.line()).containsExactly(5, 6);
  }

  @Test
  void namesOfFilesFlagsAndCountsAreNotSecrets() {
    Outcome outcome =
        check(
            "tool/cli.py",
            """
            parser.add_argument("--token-file")
            parser.add_argument("--password-env")
            parser.add_argument("--max-tokens", type=int)
            parser.add_argument("--no-token", action="store_true")
            parser.add_argument("--tokenizer")
            @click.option("--secret", is_flag=True)
            def main(): pass
            """);

    assertThat(outcome.status()).isEqualTo(Status.PASS);
  }

  @Test
  void anOptionTakingAFileOrPathHoldingTheSecretIsNoFinding() {
    // ansible-core, httpie and sqlmap: a key file given by an alias, dest= or type=, and a
    // Windows registry key. The passphrase and a bare --token beside them still fail, and the
    // evidence does not read the framework as the option's value.
    Outcome outcome =
        check(
            "tool/cli.py",
            """
            import argparse
            parser = argparse.ArgumentParser()
            parser.add_argument('--private-key', '--key-file', dest='private_key_file')
            parser.add_argument('--signing-key', dest='signing_key_path')
            parser.add_argument('--cert-key', default=None, type=readable_file_arg)
            parser.add_argument('--ssh-key', type=unfrack_path())
            parser.add_argument('--reg-key', dest='regKey', help='Windows registry key')
            parser.add_argument('--cert-key-pass', default=None, type=SSLCredentials)
            parser.add_argument('--token', '--api-key', dest='api_key')
            """);

    assertThat(RuleFixture.described(outcome))
        .containsExactly(
            "tool/cli.py:8: argparse option --cert-key-pass takes a secret on the command line"
                + " without an env-var or prompt source",
            "tool/cli.py:9: argparse option --token takes a secret on the command line without an"
                + " env-var or prompt source");
    String message = outcome.evidence().get(1).message();
    assertThat(Redactor.standard().redact(message)).isEqualTo(message);
  }

  @Test
  void declarationsInStringsCommentsAndTestCodeDoNotCount() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/cli.py",
                """
                # parser.add_argument("--password")
                HELP = 'parser.add_argument("--password")'
                """)
            .file("tests/test_cli.py", "parser.add_argument('--password')\n")
            .build();

    assertThat(RuleFixture.check(new SecretCliOptions(), repo, Profile.CLI).status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void aDeclarationPassingKwargsIsNotFlagged() {
    Outcome outcome = check("tool/cli.py", "parser.add_argument('--password', **common)\n");

    assertThat(outcome.status()).isEqualTo(Status.PASS);
  }

  @Test
  void appliesOnlyToCliRepositories() {
    Path repo =
        FixtureRepo.in(dir).python().file("lib/core.py", "p.add_argument('--password')\n").build();

    assertThat(FixtureRepo.check(new SecretCliOptions(), repo).status())
        .isEqualTo(Status.NOT_APPLICABLE);
  }

  @Test
  void secretNamesAreRecognisedByTheirWords() {
    assertThat(SecretCliOptions.isSecretName("--password")).isTrue();
    assertThat(SecretCliOptions.isSecretName("--github-token")).isTrue();
    assertThat(SecretCliOptions.isSecretName("--API_KEY")).isTrue();
    assertThat(SecretCliOptions.isSecretName("--aws-secret-access-key")).isTrue();
    assertThat(SecretCliOptions.isSecretName("--private-key")).isTrue();
    assertThat(SecretCliOptions.isSecretName("--secret-name")).isFalse();
    assertThat(SecretCliOptions.isSecretName("--keyfile")).isFalse();
    assertThat(SecretCliOptions.isSecretName("--tokens")).isFalse();
  }

  @Test
  void namesEndingInPassPassphraseSecretTokenOrKeyAreSecrets() {
    assertThat(SecretCliOptions.isSecretName("--db-pass")).isTrue();
    assertThat(SecretCliOptions.isSecretName("--pass")).isTrue();
    assertThat(SecretCliOptions.isSecretName("--keystore-pass")).isTrue();
    assertThat(SecretCliOptions.isSecretName("--storepass")).isTrue();
    assertThat(SecretCliOptions.isSecretName("--ssh_passphrase")).isTrue();
    assertThat(SecretCliOptions.isSecretName("--webhook-secret")).isTrue();
    assertThat(SecretCliOptions.isSecretName("--authtoken")).isTrue();
    assertThat(SecretCliOptions.isSecretName("--key")).isTrue();
    assertThat(SecretCliOptions.isSecretName("--signing-key")).isTrue();
    assertThat(SecretCliOptions.isSecretName("--secretkey")).isTrue();
    assertThat(SecretCliOptions.isSecretName("--bypass")).isFalse();
    assertThat(SecretCliOptions.isSecretName("--sort-key")).isFalse();
    assertThat(SecretCliOptions.isSecretName("--public-key")).isFalse();
    assertThat(SecretCliOptions.isSecretName("--hotkey")).isFalse();
    assertThat(SecretCliOptions.isSecretName("--key-file")).isFalse();
    assertThat(SecretCliOptions.isSecretName("--pass-file")).isFalse();
    assertThat(SecretCliOptions.isSecretName("--no-key")).isFalse();
  }

  @Test
  void anOptionEndingInKeyOrPassIsFlaggedAcrossLines() {
    Outcome outcome =
        check(
            "tool/cli.py",
            """
            import click
            @click.command()
            @click.option(
                "--signing-key",
                help="the key",
            )
            @click.option("-p", "--db-pass")
            def main(signing_key, db_pass):
                pass
            """);

    assertThat(outcome.evidence()).extracting(e -> e.line()).containsExactly(3, 7);
  }

  @Test
  void clickAutoEnvvarPrefixGivesEveryOptionAnEnvironmentSource() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/cli.py",
                """
                from click import command, option as opt
                @command()
                @opt("--token")
                @opt("--db-pass")
                def cli(token, db_pass):
                    pass
                """)
            .file(
                "tool/__main__.py",
                """
                from tool.cli import cli
                cli(
                    auto_envvar_prefix="TOOL",
                )
                """)
            .build();

    assertThat(RuleFixture.check(new SecretCliOptions(), repo, Profile.CLI).status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void contextSettingsWithAutoEnvvarPrefixCountToo() {
    Outcome outcome =
        check(
            "tool/cli.py",
            """
            import click
            @click.group(context_settings={"auto_envvar_prefix": "TOOL"})
            @click.option("--api-key")
            def cli(api_key):
                pass
            """);

    assertThat(outcome.status()).isEqualTo(Status.PASS);
  }

  @Test
  void autoEnvvarPrefixInStringsCommentsTestCodeOrSetToNoneDoesNotCount() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/cli.py",
                """
                \"\"\"Run with cli(auto_envvar_prefix="TOOL") to read TOOL_TOKEN.\"\"\"
                import argparse, click
                # cli(auto_envvar_prefix="TOOL")
                @click.command(context_settings=dict(auto_envvar_prefix=None))
                @click.option("--token")
                def cli(token):
                    pass
                """)
            .file("tests/test_cli.py", "cli(auto_envvar_prefix='TOOL')\n")
            .build();

    assertThat(RuleFixture.described(RuleFixture.check(new SecretCliOptions(), repo, Profile.CLI)))
        .containsExactly(
            "tool/cli.py:5: click option --token takes a secret on the command line without an"
                + " env-var or prompt source");
  }

  @Test
  void autoEnvvarPrefixDoesNotCoverArgparse() {
    Outcome outcome =
        check(
            "tool/cli.py",
            """
            import argparse, click
            cli(auto_envvar_prefix="TOOL")
            argparse.ArgumentParser().add_argument("--token")
            """);

    assertThat(outcome.status()).isEqualTo(Status.FAIL);
  }
}
