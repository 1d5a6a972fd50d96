package dev.fleetcheck.core.rules.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.RuleFixture;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VersionOptionTest {

  @TempDir Path dir;

  private Outcome check(String path, String code) {
    return RuleFixture.check(
        new VersionOption(), FixtureRepo.in(dir).python().file(path, code).build(), Profile.CLI);
  }

  @Test
  void passesOnArgparseVersionAction() {
    Outcome outcome =
        check(
            "src/t/cli.py",
            "import argparse\n\np = argparse.ArgumentParser()\n"
                + "p.add_argument('-V', action='version', version=__version__)\n");
    assertThat(outcome)
        .isEqualTo(Outcome.pass(Evidence.at("src/t/cli.py", 4, "argparse action=\"version\"")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "import click\n\n@click.command()\n@click.version_option()\ndef main():\n    pass\n",
        "import typer\n\ndef main(version: bool = typer.Option(None, \"--version\", callback=cb,"
            + " is_eager=True)):\n    pass\n",
        "from optparse import OptionParser\nparser = OptionParser(\n    usage='%prog',\n"
            + "    version='%prog 1.0',\n)\n",
        "parser.add_option('--version', action='store_true')\n"
      })
  void passesOnClickTyperOptparseAndAnyVersionOptionString(String code) {
    assertThat(check("t/main.py", code).status()).isEqualTo(Status.PASS);
  }

  @Test
  void failsWhenTheParserHasNoVersion() {
    Outcome outcome =
        check(
            "t/cli.py",
            "import argparse\nfrom optparse import OptionParser\n"
                + "p = argparse.ArgumentParser(description='version=1')\n"
                + "o = OptionParser(usage='x')\nversion = '1.0'\n");
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
    assertThat(outcome.evidence().get(0).message()).startsWith("no --version option");
  }

  @Test
  void commentsAndTestCodeDoNotCount() {
    FixtureRepo.in(dir)
        .file("tests/test_cli.py", "run(['--version'])\n")
        .file("examples/demo.py", "p.add_argument('--version')\n");
    assertThat(check("t/cli.py", "import argparse\n# p.add_argument('--version')\n").status())
        .isEqualTo(Status.FAIL);
  }

  @Test
  void aScriptsFolderInsideThePackageIsProductCode() {
    Outcome outcome =
        check(
            "src/tool/scripts/options.py",
            "import click\n\nversion = click.version_option(\n    package_name='tool',\n)\n");
    assertThat(outcome)
        .isEqualTo(
            Outcome.pass(Evidence.at("src/tool/scripts/options.py", 3, "click version_option")));
  }

  @Test
  void topLevelScriptsOfTheRootOrAWorkspaceMemberAreNotTheCli() {
    FixtureRepo.in(dir)
        .file("pyproject.toml", "[tool.uv.workspace]\nmembers = [\"packages/*\"]\n")
        .file("packages/a/pyproject.toml", "[project]\nname = \"a\"\n")
        .file("packages/a/scripts/bump.py", "@click.version_option()\ndef bump(): pass\n")
        .file("scripts/release.py", "p.add_argument('--version', action='version')\n")
        .file("tests/scripts/test_cli.py", "@click.version_option()\ndef t(): pass\n")
        .build();
    Outcome outcome = RuleFixture.check(new VersionOption(), dir, Profile.CLI);
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
  }

  @Test
  void aliasesAndDeclarationsOverSeveralLinesAreFollowed() {
    Outcome outcome =
        check(
            "tool/cli.py",
            """
            from click import command, version_option as show_version
            @command()
            @show_version(
                package_name="tool",
            )
            def main():
                pass
            """);
    assertThat(outcome)
        .isEqualTo(Outcome.pass(Evidence.at("tool/cli.py", 3, "click version_option")));
  }

  @Test
  void aVersionStringThatDeclaresNoOptionDoesNotCount() {
    Outcome outcome =
        check(
            "tool/cli.py",
            """
            \"\"\"Usage: tool [--version]. Call click.version_option() to add it.\"\"\"
            import argparse, subprocess
            subprocess.run(["git", "--version"], check=True)
            parser = argparse.ArgumentParser(description="see '--version'")
            parser.add_argument("--verbose", help="--version is not here")
            """);
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
  }

  @Test
  void anEarlierKindOfMarkerWinsOverAMarkerInAnEarlierFile() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "src/t/a_click.py",
                "import click\n\n\n@click.command()\n@click.version_option()\n"
                    + "@click.option('--version', is_flag=True)\ndef main():\n    pass\n")
            .file(
                "src/t/b_optparse.py",
                "import optparse\n\np = optparse.OptionParser(version='1')\n")
            .file(
                "src/t/c_argparse.py",
                "import argparse\n\np = argparse.ArgumentParser()\n"
                    + "p.add_argument('-V', action='version')\n")
            .build();

    assertThat(RuleFixture.check(new VersionOption(), repo, Profile.CLI))
        .isEqualTo(
            Outcome.pass(Evidence.at("src/t/c_argparse.py", 4, "argparse action=\"version\"")));
  }

  @Test
  void aClickOptionDeclaredWithAListOfNamesOffersVersion() {
    // flask's CLI: a click.Option built once and appended to the group's params.
    Outcome outcome =
        check(
            "app/cli.py",
            """
            import click

            version_option = click.Option(
                ["--version"],
                help="Show the version.",
                expose_value=False,
                is_flag=True,
                is_eager=True,
            )
            """);
    assertThat(outcome).isEqualTo(Outcome.pass(Evidence.at("app/cli.py", 3, "a --version option")));
  }

  @Test
  void aListThatIsACommandLineOrNamesNoVersionDoesNotCount() {
    Outcome outcome =
        check(
            "app/cli.py",
            """
            import click, subprocess
            subprocess.check_output(["pip", "--version"])
            verbose = click.Option(["-v", "--verbose"], is_flag=True)
            """);
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
  }

  @Test
  void aTraitletsApplicationAnswersVersionItself() {
    // IPython: traitlets' Application.parse_command_line prints the version on --version.
    Outcome outcome =
        check(
            "shell/core/application.py",
            """
            from traitlets import Unicode
            from traitlets.config.application import Application, catch_config_error

            from shell.core import release


            class BaseShellApplication(
                Application,
            ):
                name = "shell"
                version = Unicode(release.version)
            """);
    assertThat(outcome)
        .isEqualTo(
            Outcome.pass(
                Evidence.at(
                    "shell/core/application.py",
                    7,
                    "a traitlets Application (traitlets offers --version)")));
  }

  @Test
  void anotherApplicationClassOrAnUnusedTraitletsImportDoesNotCount() {
    Outcome outcome =
        check(
            "shell/app.py",
            """
            from traitlets.config.application import Application
            from tool.base import Application as Base

            class App(Base):
                pass

            def current():
                return Application.instance()
            """);
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
  }
}
