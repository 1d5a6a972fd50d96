package dev.fleetcheck.core.rules.err;

import static dev.fleetcheck.core.rules.RuleFixture.checkCli;
import static dev.fleetcheck.core.rules.RuleFixture.described;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnosticsOptionTest {

  @TempDir Path dir;

  private Path repo(String name, String code) {
    return FixtureRepo.in(dir.resolve(name)).python().file("tool/cli.py", code).build();
  }

  @Test
  void aVerboseOrDebugOptionInAnyFrameworkPasses() {
    Path argparse =
        repo(
            "argparse",
            "import argparse\n\nparser = argparse.ArgumentParser(description=\"x\")\n"
                + "parser.add_argument(\n    \"-v\",\n    action=\"count\",\n    default=0,\n)\n");
    Path click =
        repo(
            "click",
            "import click as c\n\n\n@c.command()\n@c.option(\"--log-level\", default=\"INFO\")\n"
                + "def main(log_level):\n    pass\n");
    Path typer =
        repo(
            "typer",
            "import typer\n\napp = typer.Typer()\n\n\n@app.command()\n"
                + "def main(name: str, debug: bool = False):\n    pass\n");

    assertThat(described(checkCli(new DiagnosticsOption(), argparse)))
        .containsExactly("tool/cli.py:4: option -v (argparse)");
    assertThat(described(checkCli(new DiagnosticsOption(), click)))
        .containsExactly("tool/cli.py:5: option --log-level (click)");
    assertThat(described(checkCli(new DiagnosticsOption(), typer)))
        .containsExactly("tool/cli.py:7: option --debug (typer)");
  }

  @Test
  void noDiagnosticOptionFailsEvenWhenStringsAndTestsMentionOne() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/cli.py",
                "import argparse\n\nparser = argparse.ArgumentParser(\n"
                    + "    description=\"use --verbose for more\",\n)\n"
                    + "parser.add_argument(\"--output\", help=\"where\")\n"
                    + "parser.add_argument(\"-v\", \"--version\", action=\"version\")\n"
                    + "# parser.add_argument(\"--debug\")\n")
            .file(
                "tests/test_cli.py",
                "import argparse\n\nargparse.ArgumentParser().add_argument(\"--debug\")\n")
            .build();

    assertThat(described(checkCli(new DiagnosticsOption(), repo)))
        .containsExactly(
            "no command declares --verbose, --debug, --log-level, --verbosity or a counting -v (2"
                + " options read)");
  }

  @Test
  void aCliWithoutAKnownFrameworkIsNotApplicable() {
    Path repo = repo("r", "import sys\n\nif \"--verbose\" in sys.argv:\n    pass\n");

    assertThat(checkCli(new DiagnosticsOption(), repo).status()).isEqualTo(Status.NOT_APPLICABLE);
  }

  @Test
  void clickOptionObjectsAndTraitletsAliasesDeclareDiagnostics() {
    // flask's `--debug/--no-debug` is a click.Option attached through params=; IPython's
    // `--log-level` a traitlets alias.
    Path flask =
        repo(
            "flask",
            """
            import click

            _debug_option = click.Option(
                ["--debug/--no-debug"],
                help="Set debug mode.",
                expose_value=False,
            )


            @click.group(params=[_debug_option])
            def cli():
                \"""Run the app.\"""
            """);
    Path traitlets =
        FixtureRepo.in(dir.resolve("traitlets"))
            .python()
            .file(
                "tool/app.py",
                """
                from traitlets.config.application import Application

                base_aliases = {}
                base_aliases.update(
                    {
                        "profile": "BaseApp.profile",
                        "log-level": "Application.log_level",
                    }
                )
                """)
            .file(
                "tool/demo.py",
                """
                import argparse
                parser = argparse.ArgumentParser(description="demos")
                parser.add_argument("--rst", action="store_true", help="rst")
                """)
            .build();

    assertThat(described(checkCli(new DiagnosticsOption(), flask)))
        .containsExactly("tool/cli.py:3: option --debug/--no-debug (click)");
    assertThat(described(checkCli(new DiagnosticsOption(), traitlets)))
        .containsExactly("tool/app.py:7: traitlets alias --log-level");
  }

  @Test
  void optionsDeclaredFromDataAreNotJudged() {
    // awscli: every option comes from an argument table, add_argument(self.cli_name, ...).
    Path data =
        repo(
            "data",
            """
            import argparse


            class Argument:
                def add_to_parser(self, parser):
                    parser.add_argument(self.cli_name, dest=self.py_name, help=self.help)


            parser = argparse.ArgumentParser(description="aws")
            parser.add_argument("help", nargs="?")
            """);
    Path constant =
        repo(
            "constant",
            """
            import argparse
            FILE_OR_DIR = "file_or_dir"
            parser = argparse.ArgumentParser(description="x")
            parser.add_argument(FILE_OR_DIR, nargs="*")
            parser.add_argument("--output", help="where")
            """);

    assertThat(checkCli(new DiagnosticsOption(), data).status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(described(checkCli(new DiagnosticsOption(), constant)))
        .containsExactly(
            "no command declares --verbose, --debug, --log-level, --verbosity or a counting -v (1"
                + " options read)");
  }
}
