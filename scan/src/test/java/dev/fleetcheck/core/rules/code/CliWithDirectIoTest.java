package dev.fleetcheck.core.rules.code;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliWithDirectIoTest {

  @TempDir Path dir;

  @Test
  void ioInTheModuleDeclaringTheCliFails() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/app.py",
                """
                import argparse, subprocess
                import requests

                def build():
                    parser = argparse.ArgumentParser(description="tool")
                    parser.add_argument("--name")
                    return parser

                def run(args):
                    subprocess.run(["git", "status"], check=True)
                    requests.get("https://x.org", timeout=3)
                """)
            .file(
                "tool/logic/report.py",
                "import click\nfrom argparse import Namespace\n\ndef report(n):\n    click.echo(n)\n")
            .build();

    assertThat(findings(check(new CliWithDirectIo(), repo, Profile.CLI)))
        .containsExactly(
            "tool/app.py:10: module declares the CLI and calls subprocess.run(...) itself");
  }

  @Test
  void layeredClisStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/cli.py",
                """
                import click
                from tool.service import fetch

                @click.command()
                @click.option("--name")
                def main(name):
                    click.echo(fetch(name))
                """)
            .file("tool/commands/sync.py", "import typer\n")
            .file(
                "tool/service.py",
                "import requests\ndef fetch(n):\n    return requests.get(n, timeout=3).text\n")
            .file("tests/test_cli.py", "import click\n")
            .build();

    assertNoEvidentViolation(check(new CliWithDirectIo(), repo, Profile.CLI));
  }
}
