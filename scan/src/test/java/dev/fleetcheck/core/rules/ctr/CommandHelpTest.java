package dev.fleetcheck.core.rules.ctr;

import static dev.fleetcheck.core.rules.RuleFixture.checkCli;
import static dev.fleetcheck.core.rules.RuleFixture.described;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandHelpTest {

  private static final String PYPROJECT =
      "[project]\nname = \"sync\"\nversion = \"1\"\n\n[project.scripts]\nsynctool = \"sync:main\"\n";

  @TempDir Path dir;

  private Path repo(String name, String code) {
    return FixtureRepo.in(dir.resolve(name))
        .file("pyproject.toml", PYPROJECT)
        .file("sync/cli.py", code)
        .build();
  }

  @Test
  void documentedArgparseWithAnEpilogExamplePasses() {
    Path repo =
        repo(
            "r",
            "import argparse\n\nEPILOG = \"\"\"\n  synctool push --dry-run\n\"\"\"\n\n"
                + "parser = argparse.ArgumentParser(\n    description=\"Sync files.\",\n"
                + "    epilog=EPILOG,\n)\n"
                + "parser.add_argument(\"src\")\n"
                + "parser.add_argument(\"--dry-run\", action=\"store_true\", help=\"show only\")\n"
                + "parser.add_argument(\"--secret-mode\", help=argparse.SUPPRESS)\n"
                + "parser.add_argument(\"--version\", action=\"version\", version=\"1\")\n");

    assertThat(described(checkCli(new CommandHelp(), repo)))
        .containsExactly(
            "1 commands have a summary and 3 options have help",
            "sync/cli.py:7: example in the help: synctool push --dry-run");
  }

  @Test
  void missingSummariesOptionHelpAndExamplesFailOneByOne() {
    Path repo =
        repo(
            "r",
            "import click\n\n\n@click.group()\ndef cli():\n    pass\n\n\n"
                + "@cli.command(help=\"Push files; synctool is the tool\")\n"
                + "@click.option(\n    \"--force\",\n    is_flag=True,\n)\n"
                + "@click.option(\"--name\", hidden=True)\n"
                + "def push(force, name):\n    # Example: synctool push\n    pass\n");

    assertThat(described(checkCli(new CommandHelp(), repo)))
        .containsExactly(
            "no help text shows an example (a line with \"example\", starting with `$ `, `python"
                + " -m ` or the program name synctool)",
            "sync/cli.py:5: command `cli` (click) has no summary (description=, help= or a"
                + " docstring)",
            "sync/cli.py:10: option --force (click) has no help=");
  }

  @Test
  void anExampleInAnOptionsHelpCounts() {
    Path repo =
        repo(
            "r",
            "import argparse\n\nparser = argparse.ArgumentParser(description=\"Sync.\")\n"
                + "parser.add_argument(\n    \"-O\",\n"
                + "    help=\"Options as key=value. \"\n    \"Example: `-O bg=light`.\",\n)\n");

    assertThat(described(checkCli(new CommandHelp(), repo)))
        .containsExactly(
            "1 commands have a summary and 1 options have help",
            "sync/cli.py:4: example in the help of -O: Options as key=value. Example: `-O"
                + " bg=light`.");
  }

  @Test
  void typerDocstringsAndDerivedOptionsAreRead() {
    Path repo =
        repo(
            "r",
            "from typing import Annotated\n\nimport typer\n\napp = typer.Typer(help=\"Sync.\")\n\n\n"
                + "@app.command()\n"
                + "def push(\n    src: str,\n"
                + "    force: Annotated[bool, typer.Option(help=\"overwrite\")] = False,\n"
                + "    retries: int = 3,\n) -> None:\n"
                + "    \"\"\"Push files.\n\n    $ synctool push ./data\n    \"\"\"\n");

    assertThat(described(checkCli(new CommandHelp(), repo)))
        .containsExactly("sync/cli.py:9: option --retries (typer) has no help=");
  }

  @Test
  void optionsInTestCodeAndStringsAreNotRead() {
    Path repo =
        FixtureRepo.in(dir)
            .file("pyproject.toml", PYPROJECT)
            .file("sync/cli.py", "import sys\n\nUSAGE = 'parser.add_argument(\"--x\")'\n")
            .file(
                "tests/test_cli.py",
                "import argparse\n\nargparse.ArgumentParser().add_argument(\"--x\")\n")
            .build();

    assertThat(checkCli(new CommandHelp(), repo).status()).isEqualTo(Status.NOT_APPLICABLE);
  }

  @Test
  void aTraitletsApplicationsExamplesCount() {
    // IPython: `examples = _examples`, printed by traitlets under "Examples".
    Path repo =
        FixtureRepo.in(dir.resolve("r"))
            .file("pyproject.toml", PYPROJECT)
            .file(
                "sync/app.py",
                """
                from traitlets.config.application import Application

                _examples = \"""
                synctool --profile=work
                \"""


                class SyncApp(Application):
                    examples = _examples
                """)
            .file(
                "sync/demo.py",
                """
                import argparse
                parser = argparse.ArgumentParser(description="Run demos")
                parser.add_argument("--rst", action="store_true", help="rst output")
                """)
            .build();

    assertThat(described(checkCli(new CommandHelp(), repo)))
        .containsExactly(
            "1 commands have a summary and 1 options have help",
            "sync/app.py:3: traitlets application examples: _examples");
  }

  @Test
  void optionsDeclaredFromDataLeaveTheExampleUnjudgedButNotTheRest() {
    Path repo =
        repo(
            "r",
            """
            import argparse


            class Argument:
                def add_to_parser(self, parser):
                    parser.add_argument(self.cli_name, dest=self.py_name, help=self.help)


            parser = argparse.ArgumentParser()
            parser.add_argument("--region")
            """);

    assertThat(described(checkCli(new CommandHelp(), repo)))
        .containsExactly(
            "sync/cli.py:9: command `the parser` (argparse) has no summary (description=, help= or"
                + " a docstring)",
            "sync/cli.py:10: option --region (argparse) has no help=");
  }

  @Test
  void aCliDeclaredOnlyFromDataIsNotApplicable() {
    Path repo =
        repo(
            "r",
            """
            import argparse


            def add_to_parser(parser, argument):
                parser.add_argument(argument.cli_name, help=argument.help)


            parser = argparse.ArgumentParser(description="aws")
            """);

    assertThat(checkCli(new CommandHelp(), repo).status()).isEqualTo(Status.NOT_APPLICABLE);
  }

  @Test
  void parentParsersWithoutHelpNeedNoSummary() {
    Path repo =
        repo(
            "r",
            """
            import argparse

            common = argparse.ArgumentParser(add_help=False)
            common.add_argument("--verbose", action="store_true", help="say more")
            parser = argparse.ArgumentParser(prog="synctool", parents=[common])
            tool = argparse.ArgumentParser(
                prog="synctool", description="Sync.", epilog="synctool push x", parents=[common]
            )
            """);

    assertThat(described(checkCli(new CommandHelp(), repo)))
        .containsExactly(
            "sync/cli.py:5: command `synctool` (argparse) has no summary (description=, help= or"
                + " a docstring)");
  }
}
