package dev.fleetcheck.core.rules.code;

import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;

/** Fixture repositories for the CLI layering rules (family F22). */
final class CliLayerFixtures {

  private CliLayerFixtures() {}

  /** tool/app.py declares argparse and runs a subprocess; tool/logic/report.py imports click. */
  static Path tangled(Path dir) {
    return FixtureRepo.in(dir)
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
  }

  /** click only in cli.py and commands/, I/O in a service module, click in tests. */
  static Path layered(Path dir) {
    return FixtureRepo.in(dir)
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
  }
}
